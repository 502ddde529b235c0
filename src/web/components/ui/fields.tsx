// Form fields: a visible label, optional hint, the error next to the field (wired with
// aria-describedby + aria-invalid) and aria-required instead of the browser's own `required`
// bubble, so every message the user sees is ours (and the server's) in Japanese.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useT } from '../../i18n/i18n';
import { ErrorIcon } from './icons';

interface FieldChromeProps {
  label: ReactNode;
  /** Hint shown under the label. */
  description?: ReactNode;
  error?: string;
  isRequired?: boolean;
  className?: string;
}

/**
 * The visible 必須 mark. Hidden from screen readers when the control carries aria-required (so
 * it is announced once); read out in a legend, where no ARIA attribute can say it.
 */
function RequiredMark({ isRequired, announce = false }: { isRequired?: boolean; announce?: boolean }) {
  const t = useT();
  return isRequired ? (
    <span className="field__required" aria-hidden={announce ? undefined : true}>
      {t('common.required')}
    </span>
  ) : null;
}

/** The ids a field's parts share: the control (or first option), its hint and its error. */
function useFieldIds(id: string | undefined, { description, error }: Pick<FieldChromeProps, 'description' | 'error'>) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [description ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy };
}

type FieldIds = ReturnType<typeof useFieldIds>;

/**
 * The one wrapper of every field kind: label (a <label> for a single control, a <legend> for a
 * group of options), hint, error, then the control(s). A group carries aria-describedby itself;
 * a single control carries it (see `controlAria`).
 */
function FieldShell({ label, description, error, isRequired, className, ids, group = false, children }: Omit<FieldChromeProps, 'label'> & { label: ReactNode; ids: FieldIds; group?: boolean; children: ReactNode }) {
  const classes = ['field', group ? 'fieldset' : '', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ');
  const notes = (
    <>
      {description ? (
        <p id={ids.hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={ids.errorId} className="field__error">
          <ErrorIcon className="field__error-icon" />
          <span>{error}</span>
        </p>
      ) : null}
    </>
  );
  if (group)
    return (
      <fieldset className={classes} aria-describedby={ids.describedBy}>
        <legend className="field__label">
          {label}
          <RequiredMark isRequired={isRequired} announce />
        </legend>
        {notes}
        {children}
      </fieldset>
    );
  return (
    <div className={classes}>
      {/* The mark sits outside <label> so the label's text is exactly the field's name. */}
      <div className="field__label-row">
        <label className="field__label" htmlFor={ids.controlId}>
          {label}
        </label>
        <RequiredMark isRequired={isRequired} />
      </div>
      {notes}
      {children}
    </div>
  );
}

/** The id and ARIA state a single control (input, textarea, select) carries. */
function controlAria(ids: FieldIds, { error, isRequired }: Pick<FieldChromeProps, 'error' | 'isRequired'>) {
  return {
    id: ids.controlId,
    'aria-invalid': error ? true : undefined,
    'aria-required': isRequired || undefined,
    'aria-describedby': ids.describedBy,
  } as const;
}

export interface TextFieldProps extends FieldChromeProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  ref?: Ref<HTMLInputElement>;
  inputClassName?: string;
}

export function TextField({ label, description, error, isRequired, className, id, ref, inputClassName, ...input }: TextFieldProps) {
  const ids = useFieldIds(id, { description, error });
  return (
    <FieldShell {...{ label, description, error, isRequired, className, ids }}>
      <input ref={ref} className={['input', inputClassName ?? ''].filter(Boolean).join(' ')} {...controlAria(ids, { error, isRequired })} {...input} />
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends FieldChromeProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, description, error, isRequired, className, id, ref, ...input }: TextAreaFieldProps) {
  const ids = useFieldIds(id, { description, error });
  return (
    <FieldShell {...{ label, description, error, isRequired, className, ids }}>
      <textarea ref={ref} className="input input--textarea" {...controlAria(ids, { error, isRequired })} {...input} />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldChromeProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> {
  ref?: Ref<HTMLSelectElement>;
  options: readonly SelectOption[];
  /** A first option with value "" (e.g. すべて / 指定しない). */
  emptyOption?: string;
}

export function SelectField({ label, description, error, isRequired, className, id, ref, options, emptyOption, ...select }: SelectFieldProps) {
  const ids = useFieldIds(id, { description, error });
  return (
    <FieldShell {...{ label, description, error, isRequired, className, ids }}>
      <select ref={ref} className="select" {...controlAria(ids, { error, isRequired })} {...select}>
        {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface ChoiceGroupProps extends FieldChromeProps {
  /** Used as the id of the first option, so an error summary link lands on the group. */
  id?: string;
  options: readonly SelectOption[];
  onBlur?: () => void;
  name: string;
}

/** A fieldset of checkboxes or radios; `isChecked`/`onToggle` say what each option does. */
function ChoiceGroup({ type, id, options, onBlur, name, isChecked, onToggle, ...chrome }: ChoiceGroupProps & { type: 'checkbox' | 'radio'; isChecked: (option: string) => boolean; onToggle: (option: string, checked: boolean) => void }) {
  const ids = useFieldIds(id, chrome);
  return (
    <FieldShell {...chrome} ids={ids} group>
      <div className="checkbox-list">
        {options.map((o, i) => {
          const optionId = i === 0 ? ids.controlId : `${ids.controlId}-${o.value}`;
          return (
            <div className="checkbox" key={o.value}>
              <input
                type={type}
                id={optionId}
                name={name}
                value={o.value}
                checked={isChecked(o.value)}
                onChange={(e) => onToggle(o.value, e.currentTarget.checked)}
                onBlur={onBlur}
                aria-invalid={chrome.error ? true : undefined}
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </FieldShell>
  );
}

export interface CheckboxGroupProps extends ChoiceGroupProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** A fieldset of checkboxes (e.g. 役割). The legend names the group; the error is read with it. */
export function CheckboxGroup({ value, onChange, ...group }: CheckboxGroupProps) {
  const toggle = (option: string, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' order so the payload is stable.
    onChange(group.options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return <ChoiceGroup {...group} type="checkbox" isChecked={(o) => value.includes(o)} onToggle={toggle} />;
}

export function Checkbox({ label, id, ...input }: { label: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className="checkbox">
      <input type="checkbox" id={inputId} {...input} />
      <label htmlFor={inputId}>{label}</label>
    </div>
  );
}

export interface RadioGroupProps extends ChoiceGroupProps {
  value: string | null | undefined;
  onChange: (value: string) => void;
}

/** A fieldset of radio buttons for a short list of exclusive choices (e.g. 引き受け可否). */
export function RadioGroup({ value, onChange, ...group }: RadioGroupProps) {
  return <ChoiceGroup {...group} type="radio" isChecked={(o) => value === o} onToggle={(o) => onChange(o)} />;
}

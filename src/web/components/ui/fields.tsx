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

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
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

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="field__error">
      <ErrorIcon className="field__error-icon" />
      <span>{error}</span>
    </p>
  );
}

export interface TextFieldProps extends FieldChromeProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  ref?: Ref<HTMLInputElement>;
  inputClassName?: string;
}

export function TextField({ label, description, error, isRequired, className, id, ref, inputClassName, ...input }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The mark sits outside <label> so the label's text is exactly the field's name. */}
      <div className="field__label-row">
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        <RequiredMark isRequired={isRequired} />
      </div>
      {description ? (
        <p id={hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      <input
        ref={ref}
        id={inputId}
        className={['input', inputClassName ?? ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-required={isRequired || undefined}
        aria-describedby={describedBy(description ? hintId : false, error ? errorId : false)}
        {...input}
      />
    </div>
  );
}

export interface TextAreaFieldProps extends FieldChromeProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, description, error, isRequired, className, id, ref, ...input }: TextAreaFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The mark sits outside <label> so the label's text is exactly the field's name. */}
      <div className="field__label-row">
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        <RequiredMark isRequired={isRequired} />
      </div>
      {description ? (
        <p id={hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      <textarea
        ref={ref}
        id={inputId}
        className="input input--textarea"
        aria-invalid={error ? true : undefined}
        aria-required={isRequired || undefined}
        aria-describedby={describedBy(description ? hintId : false, error ? errorId : false)}
        {...input}
      />
    </div>
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
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      {/* The mark sits outside <label> so the label's text is exactly the field's name. */}
      <div className="field__label-row">
        <label className="field__label" htmlFor={selectId}>
          {label}
        </label>
        <RequiredMark isRequired={isRequired} />
      </div>
      {description ? (
        <p id={hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      <select
        ref={ref}
        id={selectId}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-required={isRequired || undefined}
        aria-describedby={describedBy(description ? hintId : false, error ? errorId : false)}
        {...select}
      >
        {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface CheckboxGroupProps extends FieldChromeProps {
  /** Used as the id of the first checkbox, so an error summary link lands on the group. */
  id?: string;
  options: readonly SelectOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  name: string;
}

/** A fieldset of checkboxes (e.g. 役割). The legend names the group; the error is read with it. */
export function CheckboxGroup({ label, description, error, isRequired, className, id, options, value, onChange, onBlur, name }: CheckboxGroupProps) {
  const autoId = useId();
  const baseId = id ?? autoId;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const toggle = (option: string, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' order so the payload is stable.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy(description ? hintId : false, error ? errorId : false)}
    >
      <legend className="field__label">
        {label}
        <RequiredMark isRequired={isRequired} announce />
      </legend>
      {description ? (
        <p id={hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      <div className="checkbox-list">
        {options.map((o, i) => {
          const optionId = i === 0 ? baseId : `${baseId}-${o.value}`;
          return (
            <div className="checkbox" key={o.value}>
              <input
                type="checkbox"
                id={optionId}
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                onChange={(e) => toggle(o.value, e.currentTarget.checked)}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
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

export interface RadioGroupProps extends FieldChromeProps {
  /** Used as the id of the first radio, so an error summary link lands on the group. */
  id?: string;
  options: readonly SelectOption[];
  value: string | null | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name: string;
}

/** A fieldset of radio buttons for a short list of exclusive choices (e.g. 引き受け可否). */
export function RadioGroup({ label, description, error, isRequired, className, id, options, value, onChange, onBlur, name }: RadioGroupProps) {
  const autoId = useId();
  const baseId = id ?? autoId;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  return (
    <fieldset
      className={['field', 'fieldset', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy(description ? hintId : false, error ? errorId : false)}
    >
      <legend className="field__label">
        {label}
        <RequiredMark isRequired={isRequired} announce />
      </legend>
      {description ? (
        <p id={hintId} className="field__hint">
          {description}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
      <div className="checkbox-list">
        {options.map((o, i) => {
          const optionId = i === 0 ? baseId : `${baseId}-${o.value}`;
          return (
            <div className="checkbox" key={o.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

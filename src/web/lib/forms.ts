// Forms: react-hook-form validated by the shared zod contracts (so the client shows the same
// Japanese messages as the server), plus the glue that puts a server problem's field errors
// next to the fields and into the summary.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { get, useForm, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ErrorSummaryItem } from '../components/ui/form-error';
import { mapProblemToFields } from '../components/ui/form-error';
import { problemOf, type Problem } from './api-client';

export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generics cannot follow a generic schema; the form's types come from S.
    resolver: zodResolver(schema as never) as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    ...options,
  });
}

/** Stable element id for a form field, so summary links and tests can find it. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name.replace(/\./g, '-')}`;
}

/** '' (an untouched input or "指定しない" option) means "not given" to the optional contracts. */
export const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const emptyToNull = (v: unknown) => (v === '' ? null : v);

export interface FormFieldSpec<T extends FieldValues> {
  name: Path<T>;
  label: string;
}

/**
 * Error state for one form: the server's problem, the summary items (client and server errors
 * in field order, then errors naming no field), and what to do when a submit fails.
 */
export function useFormErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, formId: string, fields: FormFieldSpec<T>[]) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const errors = form.formState.errors;

  const items: ErrorSummaryItem[] = [];
  for (const f of fields) {
    const message = (get(errors, f.name) as { message?: string } | undefined)?.message;
    if (message) items.push({ field: f.name, label: f.label, message, targetId: fieldId(formId, f.name) });
  }
  const names = fields.map((f) => f.name as string);
  for (const e of mapProblemToFields(problem, names).unmatched) items.push({ label: e.label, message: e.message });

  const onServerError = (error: unknown) => {
    const p = problemOf(error);
    setProblem(p);
    const { byField } = mapProblemToFields(p, names);
    for (const [name, message] of Object.entries(byField)) form.setError(name as Path<T>, { type: 'server', message });
    setFocusKey((k) => k + 1);
  };
  const onInvalid = () => {
    setProblem(null);
    setFocusKey((k) => k + 1);
  };
  const reset = () => setProblem(null);
  /**
   * The form's submit handler: `handleSubmit` validates (errors go to the summary), the last
   * server problem is cleared, `save` runs, and a server error is shown field by field.
   */
  const submit = <V,>(handleSubmit: (onValid: (values: V) => Promise<void>, onInvalid: () => void) => (e?: React.BaseSyntheticEvent) => Promise<void>, save: (values: V) => Promise<unknown>) =>
    handleSubmit(async (values) => {
      reset();
      try {
        await save(values);
      } catch (error) {
        onServerError(error);
      }
    }, onInvalid);

  return { problem, items, focusKey, onServerError, onInvalid, reset, submit };
}

/**
 * The Japanese label a shared contract gives a field (`.meta({ title })`): the same words the
 * server uses in its error messages, so the form and its errors name a field alike. Official
 * form terms (計画の様式) are kept in Japanese in both languages, like the server's messages.
 */
export function contractLabel<S extends z.ZodObject>(schema: S, key: keyof S['shape'] & string): string {
  const field = schema.shape[key] as z.ZodType | undefined;
  const meta = field?.meta() as { title?: string } | undefined;
  return meta?.title ?? key;
}

/** `datetime-local` value (Japan time) ⇄ ISO instant with +09:00, as the contracts expect. */
export const localToIso = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '');
export function isoToLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  // Shift to Japan time and drop the zone: the input shows what a Japanese clock shows.
  return new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

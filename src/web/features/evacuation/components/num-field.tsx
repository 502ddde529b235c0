// A number input that keeps what the user types (an empty field stays empty while editing)
// and reports a number, or null when empty or not a number.
import { useEffect, useState } from 'react';
import { TextField } from '../../../components/ui/fields';

const parse = (s: string): number | null => {
  const v = s.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

export function NumField({ label, value, onChange, description, unit, step = 'any', disabled }: { label: string; value: number | null | undefined; onChange: (v: number | null) => void; description?: string; unit?: string; step?: string; disabled?: boolean }) {
  const [text, setText] = useState(value == null ? '' : String(value));
  useEffect(() => {
    if (parse(text) !== (value ?? null)) setText(value == null ? '' : String(value));
    // Only an outside change (a reload, a reset) replaces the text.
  }, [value]);
  return (
    <TextField
      label={unit ? `${label}（${unit}）` : label}
      description={description}
      type="number"
      inputMode="decimal"
      min={0}
      step={step}
      value={text}
      disabled={disabled}
      className="evac-num"
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parse(e.currentTarget.value));
      }}
    />
  );
}

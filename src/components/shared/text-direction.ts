/**
 * The `dir` of a box someone writes in (R-COMP-07): `auto` once it holds text, so what is
 * typed reads in its own script's direction whatever the locale; none while it is empty,
 * so the placeholder and the caret follow the element's direction (an empty `dir="auto"`
 * box is left to right, even in an Arabic pane). Bound as `dir=${ifDefined(typedDirection(text))}`.
 */
export function typedDirection(value: string): 'auto' | undefined {
  return value === '' ? undefined : 'auto';
}

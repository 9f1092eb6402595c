// Task codes as an official reads them (issue 10, item 7). A cascaded task's stored code chains the units it was
// given to (`II.5.1@01@00097`: the program's task II.5.1, to Hà Nội, then to one of its communes); the screen shows
// the program's section path and the unit's name instead ("II.5.1 · Phường Ba Đình"), keeping the stored code as the
// tooltip so it can still be quoted to support.
export function programCode(code: string): string {
  const at = code.indexOf('@');
  return at < 0 ? code : code.slice(0, at);
}

export function humanTaskCode(code: string, unitName?: string | null): string {
  const base = programCode(code);
  return base === code || !unitName ? base : `${base} · ${unitName}`;
}

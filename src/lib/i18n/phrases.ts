// Japanese headings may break between any two characters; an era year (令和5年度) must not
// be split as 令和｜5年度. A heading is written as parts, those to keep whole marked so.

export interface TextPart {
  text: string;
  /** Written without a line break inside. */
  whole: boolean;
}

const ERA_YEAR = /(?:令和|平成|昭和)(?:元|\d+)年度?/g;

/** `text` as parts: each era year whole, the rest as it is. Joined, the parts are `text` again. */
export function headingParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(ERA_YEAR)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), whole: false });
    parts.push({ text: m[0], whole: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), whole: false });
  return parts;
}

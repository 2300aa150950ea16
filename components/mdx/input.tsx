export interface InputProps {
  /** The run input the text refers to, as declared in the procedure's frontmatter. */
  name: string;
}

/** Where a step refers to a run input: shows the reference as written until the page can fill in the value. */
export function Input({ name }: InputProps) {
  return <code>{`{${name}}`}</code>;
}

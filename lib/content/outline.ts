import type { Outline } from '../runs/outline';
import type { Procedure } from './load';

/** What a run needs to know of a procedure: its steps with their gates, sections, repeats and the inputs it asks for. */
export function outlineOf(procedure: Procedure): Outline {
  return {
    slug: procedure.slug,
    title: procedure.title,
    revision: procedure.revision,
    inputs: procedure.inputs,
    sections: procedure.sections,
    steps: procedure.steps.map(({ id, text, parentId, number, ranges, section, repeatFor }) => ({
      id,
      text,
      parentId,
      number,
      ranges: procedure.appliesTo ? [procedure.appliesTo, ...ranges] : ranges,
      section,
      repeatFor,
    })),
  };
}

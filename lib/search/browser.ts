import { createSearch } from './engine';

/** The search as the browser runs it: index files fetched from the site as queries need them. */
export const search = createSearch(async (name) => {
  const response = await fetch(`/search-index/${name}`);
  if (!response.ok) throw new Error(`The search index could not be loaded (${response.status} for ${name}).`);
  return response.json();
});

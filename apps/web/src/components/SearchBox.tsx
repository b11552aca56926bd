import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/** Long enough for a name to be typed before the list is asked for it. */
const SEARCH_DELAY_MS = 300;
/** The API's shortest search (`q`): one letter would match nearly everyone. */
const MIN_SEARCH_LENGTH = 2;

/** A search as the address holds it; one letter is no search, so a hand-edited link still shows a list. */
export function searchInAddress(value: string | null): string | undefined {
  const q = value?.trim() ?? '';
  return q.length >= MIN_SEARCH_LENGTH ? q : undefined;
}

/**
 * A list's search box, its text kept in the address by the page (`value`, `onSearch`). What is typed
 * is sent once typing pauses; a single character searches nothing yet (the API's shortest search is
 * two). A search the address gets from elsewhere (the menu, back) comes to the box.
 */
export function SearchBox({
  value,
  onSearch,
  placeholder,
  w,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  w?: Parameters<typeof TextInput>[0]['w'];
}) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const wanted = debounced.length >= MIN_SEARCH_LENGTH ? debounced : '';
  // The search the box and the address last agreed on, so neither undoes the other.
  const agreed = useRef(value ?? '');
  useEffect(() => {
    if (wanted === agreed.current) return;
    agreed.current = wanted;
    onSearch(wanted || undefined);
  }, [wanted]);
  useEffect(() => {
    const q = value ?? '';
    if (q === agreed.current) return;
    agreed.current = q;
    setText(q);
  }, [value]);

  return (
    <TextInput
      label="Search"
      placeholder={placeholder}
      type="search"
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      description={text.trim().length === 1 ? `Type at least ${MIN_SEARCH_LENGTH} characters` : undefined}
      w={w}
    />
  );
}

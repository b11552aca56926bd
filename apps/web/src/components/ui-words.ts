import { createContext, useContext } from 'react';

/**
 * The words of the shared components (loading and error states, a form's failure). English for
 * staff screens; an IMG's screens provide their own language's (the i18n dictionary has them).
 */
export interface UiWords {
  loadingOf: (what: string) => string;
  couldNotLoadOf: (what: string) => string;
  couldNotRefreshOf: (what: string) => string;
  couldNotLoadMoreOf: (what: string) => string;
  tryAgain: string;
  notSaved: string;
  unreachable: string;
}

export const ENGLISH_UI_WORDS: UiWords = {
  loadingOf: (what) => `Loading ${what}`,
  couldNotLoadOf: (what) => `Could not load ${what}`,
  couldNotRefreshOf: (what) => `Could not refresh ${what}`,
  couldNotLoadMoreOf: (what) => `Could not load more of ${what}`,
  tryAgain: 'Try again',
  notSaved: 'Not saved',
  unreachable: 'The server could not be reached. Check your connection and try again.',
};

export const UiWordsContext = createContext<UiWords>(ENGLISH_UI_WORDS);

export const useUiWords = (): UiWords => useContext(UiWordsContext);

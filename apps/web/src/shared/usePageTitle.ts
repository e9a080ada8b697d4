import { useEffect } from 'react';

/** Sets the tab title, so screen-reader users and tab lists know which page this is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Kinpay`;
  }, [title]);
}

/**
 * The title of a page that stands in for a screen (it failed, or its draft
 * does not exist): the page's heading, given the focus on arrival so the
 * keyboard and the screen reader start where the news is.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function ResultHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 ref={heading} tabIndex={-1} className="result-heading">
      {children}
    </h1>
  );
}

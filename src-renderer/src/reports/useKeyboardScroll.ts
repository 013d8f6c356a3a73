/**
 * A report table wider than the window scrolls sideways inside antd's
 * `.ant-table-content`, a box the keyboard cannot reach when its rows hold
 * no button. While it overflows, the box is made a focusable region named
 * by the table's heading, so arrow keys scroll it; when it fits, it is no
 * tab stop.
 */
import { useEffect, type RefObject } from 'react';

export function useKeyboardScroll(wrapper: RefObject<HTMLElement | null>, labelledBy: string): void {
  useEffect(() => {
    const scroller = wrapper.current?.querySelector<HTMLElement>('.ant-table-content');
    if (!scroller) return;
    const update = () => {
      if (scroller.scrollWidth > scroller.clientWidth) {
        scroller.tabIndex = 0;
        scroller.setAttribute('role', 'region');
        scroller.setAttribute('aria-labelledby', labelledBy);
      } else {
        scroller.removeAttribute('tabindex');
        scroller.removeAttribute('role');
        scroller.removeAttribute('aria-labelledby');
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    return () => observer.disconnect();
  });
}

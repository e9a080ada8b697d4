// A menu button (WAI-ARIA APG "menu button" pattern): Enter, Space or ArrowDown opens it and
// focuses the first item; Escape closes it and returns focus; a click outside closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { WrenchIcon } from '../../components/Icons.tsx';

export interface ToolsMenuItem {
  label: string;
  to: string;
}

export function ToolsMenu({ items }: { items: readonly ToolsMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const itemsEls = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = itemsEls.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => itemsEls[(i + itemsEls.length) % itemsEls.length]?.focus();
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        close();
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(itemsEls.length - 1);
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary button--icon"
        aria-label="Tools"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <WrenchIcon />
        <span className="button__text" aria-hidden="true">
          Tools
        </span>
      </button>
      {open ? (
        <ul id={menuId} ref={menuRef} className="menu__list" role="menu" aria-label="Tools" onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.to} role="none">
              <Link role="menuitem" className="menu__item" tabIndex={-1} to={item.to} onClick={() => setOpen(false)}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

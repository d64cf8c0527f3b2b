import { Button, type ButtonProps } from "antd";
import type { MouseEvent } from "react";
import { useHref, useNavigate } from "react-router";

/** A button-looking link: a real `<a href>` (new tab, copy link) that navigates inside the app. */
export function LinkButton({ to, onClick, ...props }: Omit<ButtonProps, "href"> & { to: string }) {
  const navigate = useNavigate();
  const href = useHref(to);
  const handleClick = (event: MouseEvent<HTMLElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    void navigate(to);
  };
  return <Button {...props} href={href} onClick={handleClick} />;
}

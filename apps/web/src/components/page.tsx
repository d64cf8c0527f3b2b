import { Flex, Typography } from "antd";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

// The first page of a visit keeps the browser's own focus; every later page moves focus to its
// heading, so keyboard and screen-reader users start reading the new page (WCAG 2.4.3).
let hasShownPage = false;

export interface PageProps {
  title: string;
  /** One or two sentences under the heading. */
  intro?: ReactNode;
  /** Actions at the heading's end. */
  extra?: ReactNode;
  /** Narrow pages (forms) are easier to read on a wide screen. */
  width?: "narrow" | "normal" | "wide";
  /** A front page's banner look for the heading. */
  isHero?: boolean;
  children: ReactNode;
}

/** A screen: sets the document title, renders the one h1 and takes focus after a route change. */
export function Page({ title, intro, extra, width = "normal", isHero = false, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t("appName")}`;
  }, [title, t]);

  useEffect(() => {
    if (hasShownPage) heading.current?.focus({ preventScroll: true });
    hasShownPage = true;
  }, []);

  return (
    <div className={`nc-page nc-page-${width}`}>
      <Flex
        justify="space-between"
        align="flex-start"
        gap="middle"
        wrap
        className={isHero ? "nc-page-header nc-hero" : "nc-page-header"}
      >
        <div>
          <Typography.Title level={1} ref={heading} tabIndex={-1} className="nc-page-title">
            {title}
          </Typography.Title>
          {intro ? <Typography.Paragraph className="nc-page-intro">{intro}</Typography.Paragraph> : null}
        </div>
        {extra ? <div className="nc-page-extra">{extra}</div> : null}
      </Flex>
      {children}
    </div>
  );
}

import { Select, Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { localName } from "../../cases/cases.format";
import { filingsApi, type Cause } from "../filing.api";

export interface CauseSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The saved cause's name, to label the value before any search. */
  initial?: { code: string; nameZh: string; nameEn: string } | null;
  /** Offer only causes an Internet court hears (互联网法院规定第二条). */
  isInternetCourt?: boolean;
  "aria-invalid"?: boolean;
}

/** Searchable cause of action (民事案件案由规定) from `/api/causes`, in the server's order of relevance. */
export function CauseSelect({ id, value, onChange, initial, isInternetCourt, ...rest }: CauseSelectProps) {
  const { t, i18n } = useTranslation("filing");
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<Cause[]>([]);
  const [isLoading, setLoading] = useState(false);
  const known = useRef(new Map<string, { nameZh: string; nameEn: string }>());
  if (initial) known.current.set(initial.code, initial);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    // Search after a short pause in typing; without a query, the top-level causes.
    const timer = setTimeout(
      () => {
        filingsApi
          .causes({ q: query.trim() || undefined, internetCourtOnly: isInternetCourt }, controller.signal)
          .then(
            ({ items }) => {
              // The server ranks matches (exact name, then prefix, then the most specific cause).
              for (const cause of items) known.current.set(cause.id, cause);
              setOptions(items);
              setLoading(false);
            },
            () => {
              if (!controller.signal.aborted) setLoading(false);
            },
          );
      },
      query ? 250 : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, isInternetCourt]);

  const selected = value ? known.current.get(value) : undefined;
  // Keep the chosen cause listed while a search shows others, so the field still reads its name.
  const shown: Cause[] =
    value && selected && !options.some((cause) => cause.id === value)
      ? [
          {
            id: value,
            level: 4,
            parentId: null,
            officialNumber: null,
            internetCourt: true,
            feeKind: null,
            ...selected,
          },
          ...options,
        ]
      : options;

  return (
    <Select<string, { value: string; label: string; cause: Cause }>
      id={id}
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={t("wizard.cause.placeholder")}
      loading={isLoading}
      notFoundContent={isLoading ? t("wizard.cause.searching") : t("wizard.cause.noMatch")}
      options={shown.map((cause) => ({ value: cause.id, label: localName(cause), cause }))}
      optionRender={(option) => {
        const cause = option.data.cause;
        return (
          <span lang={i18n.language}>
            {localName(cause)}
            {cause.officialNumber ? <span className="nc-muted"> · {cause.officialNumber}</span> : null}
            {!cause.internetCourt && cause.level >= 4 ? (
              <Tag style={{ marginInlineStart: 6 }}>{t("wizard.cause.notInternet")}</Tag>
            ) : null}
          </span>
        );
      }}
    />
  );
}

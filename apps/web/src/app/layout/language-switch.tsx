import { GlobalOutlined } from "@ant-design/icons";
import { locales, type Locale } from "@netcourt/shared";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { identityApi } from "../../modules/identity/identity.api";
import { isFullySignedIn, useMe } from "../../modules/identity/session-context";
import { changeLocale, currentLocale } from "../../platform/i18n";

/** Switches the language of the screens (remembered on this device) and, when signed in, of the account. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { me, setMe } = useMe();
  const locale = currentLocale();

  const choose = async (next: Locale) => {
    await changeLocale(next);
    // Notifications and served documents follow the account's language; a failure here is harmless.
    if (isFullySignedIn(me) && me.locale !== next) {
      identityApi.updateMe({ locale: next }).then(setMe, () => undefined);
    }
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: locales.map((code) => ({
          key: code,
          label: <span lang={code}>{t(`language.names.${code}`)}</span>,
        })),
        onClick: ({ key }) => void choose(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined aria-hidden />}
        aria-label={`${t("language.switchTo")} (${t(`language.names.${locale}`)})`}
      >
        {compact ? null : <span lang={locale}>{t(`language.names.${locale}`)}</span>}
      </Button>
    </Dropdown>
  );
}

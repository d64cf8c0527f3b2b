import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SessionProvider } from "../modules/identity/session-context";
import { courtTheme } from "./theme";

/** Theme and antd locale following the chosen language, antd's message/modal context, and the session. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Date pickers name months and weekdays in the reader's language.
  dayjs.locale(i18n.language === "en" ? "en" : "zh-cn");
  return (
    <ConfigProvider
      locale={i18n.language === "en" ? enUS : zhCN}
      theme={courtTheme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>{children}</SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

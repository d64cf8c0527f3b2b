import type { ThemeConfig } from "antd";

/** Court navy and a muted gold, as on court buildings and documents. */
export const courtColors = { navy: "#1f3864", navyLight: "#2f5597", gold: "#c9a227", page: "#f4f5f7" };

/**
 * A sober theme. Secondary and placeholder text are darker than antd's defaults so that every text
 * meets WCAG AA contrast (4.5:1) on white.
 */
export const courtTheme: ThemeConfig = {
  cssVar: { key: "nc" },
  token: {
    colorPrimary: courtColors.navy,
    colorInfo: courtColors.navyLight,
    colorLink: courtColors.navyLight,
    colorTextSecondary: "rgba(0, 0, 0, 0.68)",
    colorTextTertiary: "rgba(0, 0, 0, 0.62)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    colorBgLayout: courtColors.page,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: {
      headerBg: "#ffffff",
      siderBg: courtColors.navy,
      bodyBg: courtColors.page,
      headerPadding: "0 16px",
    },
    Menu: {
      darkItemBg: courtColors.navy,
      darkSubMenuItemBg: courtColors.navy,
      darkPopupBg: courtColors.navy,
      darkItemSelectedBg: courtColors.navyLight,
      darkItemColor: "rgba(255, 255, 255, 0.88)",
      darkGroupTitleColor: "rgba(255, 255, 255, 0.72)",
    },
  },
};

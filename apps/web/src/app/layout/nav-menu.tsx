import { Menu } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { translateKey } from "../../platform/i18n";
import { selectedPath, useNavItems } from "./nav-items";

/** The full navigation as a menu of links, grouped by section. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { sections } = useNavItems();
  const selected = selectedPath(
    pathname,
    sections.flatMap((group) => group.items.map((item) => item.path)),
  );
  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={selected ? [selected] : []}
      items={sections.map((group) => ({
        type: "group" as const,
        key: group.section,
        label: t(`nav.sections.${group.section}`),
        children: group.items.map((item) => ({
          key: item.path,
          icon: item.icon,
          label: (
            <Link
              to={item.path}
              onClick={onNavigate}
              aria-current={item.path === selected ? "page" : undefined}
            >
              {translateKey(item.label)}
            </Link>
          ),
        })),
      }))}
    />
  );
}

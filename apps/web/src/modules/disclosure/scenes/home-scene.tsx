import {
  ApiOutlined,
  AuditOutlined,
  CalculatorOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FormOutlined,
  InboxOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserAddOutlined,
  VideoCameraOutlined,
  FileDoneOutlined,
} from "@ant-design/icons";
import { Card, Col, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link as RouterLink } from "react-router";
import { audienceOf, type Audience } from "../../../app/app-routes";
import { landingPath } from "../../../app/landing";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { isFullySignedIn, useMe } from "../../identity/session-context";

type LinkKey =
  "register" | "signIn" | "newFiling" | "myCases" | "inbox" | "workbench" | "fees" | "progress" | "apiDocs";
type OfferKey = "mediation" | "filing" | "delivery" | "evidence" | "hearing" | "enforcement";
type ScopeKey =
  | "shopping"
  | "services"
  | "loans"
  | "copyright"
  | "domains"
  | "personal"
  | "products"
  | "publicInterest"
  | "administrative";

const offers: { key: OfferKey; icon: ReactNode }[] = [
  { key: "mediation", icon: <TeamOutlined /> },
  { key: "filing", icon: <FileDoneOutlined /> },
  { key: "delivery", icon: <SendOutlined /> },
  { key: "evidence", icon: <SafetyCertificateOutlined /> },
  { key: "hearing", icon: <VideoCameraOutlined /> },
  { key: "enforcement", icon: <AuditOutlined /> },
];

const scope: ScopeKey[] = [
  "shopping",
  "services",
  "loans",
  "copyright",
  "domains",
  "personal",
  "products",
  "publicInterest",
  "administrative",
];

interface Link {
  key: LinkKey;
  to: string;
  icon: ReactNode;
  external?: boolean;
}

/** The public front page: what the court does and where to start (for a signed-in user, their own). */
export function HomeScene() {
  const { t } = useTranslation("disclosure");
  const { me } = useMe();
  const isSignedIn = isFullySignedIn(me);
  const audience = audienceOf({
    isSignedIn,
    roles: me?.memberships.map((membership) => membership.role) ?? [],
  });

  // Visitors start by registering or signing in; litigants by filing or following their cases;
  // staff go to their workbench.
  const firstLinks: Record<Audience, Link[]> = {
    visitor: [
      { key: "register", to: "/register", icon: <UserAddOutlined /> },
      { key: "signIn", to: "/sign-in", icon: <LoginOutlined /> },
    ],
    litigant: [
      { key: "newFiling", to: "/filings/new", icon: <FormOutlined /> },
      { key: "myCases", to: "/cases", icon: <FolderOpenOutlined /> },
      { key: "inbox", to: "/inbox", icon: <InboxOutlined /> },
    ],
    staff: isFullySignedIn(me)
      ? [
          { key: "workbench", to: landingPath(me), icon: <SolutionOutlined /> },
          { key: "inbox", to: "/inbox", icon: <InboxOutlined /> },
        ]
      : [],
  };
  const links: Link[] = [
    ...firstLinks[audience],
    { key: "fees", to: "/fees", icon: <CalculatorOutlined /> },
    { key: "progress", to: "/progress", icon: <FileSearchOutlined /> },
    { key: "apiDocs", to: "/api/docs", icon: <ApiOutlined />, external: true },
  ];

  return (
    <Page
      title={t("home.heroTitle")}
      intro={t("home.heroText")}
      isHero
      width="wide"
      extra={
        isSignedIn ? null : (
          <LinkButton size="large" to="/register">
            {t("home.links.register.title")}
          </LinkButton>
        )
      }
    >
      <section aria-labelledby="nc-links-title">
        <Typography.Title level={2} id="nc-links-title">
          {t("home.quickLinks")}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {links.map((link) => {
            const card = (
              <Card hoverable className="nc-card-link-card">
                <Card.Meta
                  avatar={<span aria-hidden>{link.icon}</span>}
                  title={t(`home.links.${link.key}.title`)}
                  description={t(`home.links.${link.key}.text`)}
                />
              </Card>
            );
            return (
              <Col xs={24} sm={12} lg={8} key={link.key}>
                {link.external ? (
                  <a className="nc-card-link" href={link.to}>
                    {card}
                  </a>
                ) : (
                  <RouterLink className="nc-card-link" to={link.to}>
                    {card}
                  </RouterLink>
                )}
              </Col>
            );
          })}
        </Row>
      </section>

      <section aria-labelledby="nc-offers-title">
        <Typography.Title level={2} id="nc-offers-title" style={{ marginTop: 32 }}>
          {t("home.offersTitle")}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {offers.map((offer) => (
            <Col xs={24} sm={12} lg={8} key={offer.key}>
              <Card size="small">
                <Card.Meta
                  avatar={<span aria-hidden>{offer.icon}</span>}
                  title={t(`home.offers.${offer.key}.title`)}
                  description={t(`home.offers.${offer.key}.text`)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section aria-labelledby="nc-scope-title">
        <Typography.Title level={2} id="nc-scope-title" style={{ marginTop: 32 }}>
          {t("home.scopeTitle")}
        </Typography.Title>
        <Typography.Paragraph>{t("home.scopeIntro")}</Typography.Paragraph>
        <Card size="small">
          <ol className="nc-scope-list">
            {scope.map((key) => (
              <li key={key}>{t(`home.scope.${key}`)}</li>
            ))}
          </ol>
        </Card>
      </section>
    </Page>
  );
}

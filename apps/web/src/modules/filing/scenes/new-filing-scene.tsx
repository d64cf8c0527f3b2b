import { DeleteOutlined, EditOutlined, FileTextOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tabs,
  Typography,
} from "antd";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../../components/error-alert";
import { LinkButton } from "../../../components/link-button";
import { Page } from "../../../components/page";
import { errorMessage } from "../../../platform/error-messages";
import { useApiQuery, useSubmit } from "../../../platform/use-api";
import { casesApi, type CaseSummary } from "../../cases/cases.api";
import { formatDateTime, localName } from "../../cases/cases.format";
import { useMe } from "../../identity/session-context";
import { defaultCourt, namedCourt, rememberCourt, rememberedCourt } from "../court-choice";
import { filingsApi, type CaseTypeCode, type ExtractionSuggestion } from "../filing.api";
import type { WizardEntryState } from "./filing-wizard-scene";
import "../filing.css";

interface StartForm {
  courtId: string;
  typeCode: CaseTypeCode;
}

/**
 * What an account that is not yet verified meets before it starts: online filing needs a verified
 * identity (人民法院在线诉讼规则第七条), which submission checks; a draft can be written meanwhile.
 */
export function VerifyFirstNotice() {
  const { t } = useTranslation("filing");
  const { me } = useMe();
  if (!me || me.verificationStatus === "verified") return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="nc-block"
      data-testid="verify-first"
      title={t("wizard.verifyFirst.title")}
      description={
        me.verificationStatus === "pending" ? t("wizard.verifyFirst.pending") : t("wizard.verifyFirst.body")
      }
      action={
        me.verificationStatus === "pending" ? undefined : (
          <LinkButton size="small" type="primary" to="/account/verification">
            {t("wizard.verifyFirst.action")}
          </LinkButton>
        )
      }
    />
  );
}

function Drafts() {
  const { t } = useTranslation("filing");
  const { message } = App.useApp();
  const drafts = useApiQuery((signal) => casesApi.list({ status: ["draft"], pageSize: 50 }, signal), []);
  const remove = async (draft: CaseSummary) => {
    try {
      await filingsApi.remove(draft.id);
      void message.success(t("start.deleted"));
      drafts.reload();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Card title={<h2 className="nc-card-title">{t("start.draftsTitle")}</h2>} className="nc-block">
      <ErrorAlert error={drafts.error} onRetry={drafts.reload} />
      <List<CaseSummary>
        loading={drafts.isLoading}
        dataSource={drafts.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("start.draftsEmpty")} />,
        }}
        renderItem={(draft) => {
          const name = draft.title ?? t("start.untitled");
          return (
            <List.Item
              actions={[
                <LinkButton
                  key="edit"
                  size="small"
                  type="primary"
                  icon={<EditOutlined aria-hidden />}
                  to={`/filings/${draft.id}`}
                >
                  <span className="nc-visually-hidden">{name}: </span>
                  {t("start.continue")}
                </LinkButton>,
                <Popconfirm
                  key="delete"
                  title={t("start.deleteConfirm")}
                  onConfirm={() => void remove(draft)}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t("start.delete")}: ${name}`}
                  />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={name}
                description={`${localName(draft.court)} · ${t("start.updated", { time: formatDateTime(draft.updatedAt) })}`}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** Starting a complaint (`/filings/new`): the court and type, optionally read from a written complaint; the drafts. */
export function NewFilingScene() {
  const { t } = useTranslation("filing");
  const navigate = useNavigate();
  const [form] = Form.useForm<StartForm>();
  const fileId = useId();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<"paste" | "upload">("paste");
  // Only courts that hear first-instance cases (the cause is chosen later and narrows them again).
  const courts = useApiQuery((signal) => filingsApi.firstInstanceCourts(null, signal), []);
  const courtList = useMemo(() => courts.data?.items ?? [], [courts.data]);

  useEffect(() => {
    const preselected = defaultCourt(courtList, rememberedCourt());
    if (preselected && !form.getFieldValue("courtId")) form.setFieldsValue({ courtId: preselected.id });
  }, [courtList, form]);

  const start = useSubmit(
    async (values: StartForm, suggestion?: ExtractionSuggestion) => {
      const courtId = values.courtId;
      const view = await filingsApi.create(courtId, values.typeCode);
      rememberCourt(courtId);
      const state: WizardEntryState = suggestion ? { suggestion } : {};
      await navigate(`/filings/${view.caseId}`, { state });
    },
    form,
    "filing",
  );

  const read = useSubmit(async () => {
    const { suggestion } =
      source === "paste" ? await filingsApi.extractText(text) : await filingsApi.extractFile(file!);
    // The court the complaint names (此致 …) is taken when it has jurisdiction; else the one chosen above.
    const named = namedCourt(courtList, suggestion.courtName);
    if (named) form.setFieldsValue({ courtId: named.id });
    const values = await form.validateFields();
    await start.submit(values, suggestion);
  });

  const canRead = source === "paste" ? text.trim().length > 0 : file !== null;

  return (
    <Page title={t("start.title")} intro={t("start.intro")} width="normal">
      <VerifyFirstNotice />
      <Card>
        <Form<StartForm>
          form={form}
          layout="vertical"
          initialValues={{ typeCode: "民初" }}
          onFinish={(values) => void start.submit(values)}
        >
          <Form.Item
            name="courtId"
            label={t("start.court")}
            extra={t("start.courtHelp")}
            rules={[{ required: true, message: t("start.courtPlaceholder") }]}
          >
            <Select
              loading={courts.isLoading}
              placeholder={t("start.courtPlaceholder")}
              data-testid="start-court"
              showSearch={{ optionFilterProp: "label" }}
              options={courtList.map((court) => ({ value: court.id, label: localName(court) }))}
            />
          </Form.Item>
          <Form.Item name="typeCode" label={t("start.typeCode")}>
            <Select
              options={(["民初", "行初"] as const).map((value) => ({
                value,
                label: t(`start.types.${value}`),
              }))}
            />
          </Form.Item>
          <ErrorAlert
            error={courts.error ?? start.error}
            details={start.otherDetails}
            onRetry={courts.error ? courts.reload : undefined}
          />
          <Button
            type="primary"
            htmlType="submit"
            loading={start.isSubmitting && !read.isSubmitting}
            icon={<EditOutlined aria-hidden />}
          >
            {t("start.start")}
          </Button>
        </Form>
      </Card>

      <Card className="nc-block" title={<h2 className="nc-card-title">{t("start.prefillTitle")}</h2>}>
        <Tabs
          activeKey={source}
          onChange={(key) => setSource(key as "paste" | "upload")}
          items={[
            {
              key: "paste",
              label: (
                <span>
                  <FileTextOutlined aria-hidden /> {t("start.paste")}
                </span>
              ),
              children: (
                <Form layout="vertical" component="div">
                  <Form.Item label={t("start.pasteLabel")} htmlFor="nc-complaint-text">
                    <Input.TextArea
                      id="nc-complaint-text"
                      value={text}
                      onChange={(event) => setText(event.target.value)}
                      autoSize={{ minRows: 6, maxRows: 16 }}
                      maxLength={100_000}
                      placeholder={t("start.pastePlaceholder")}
                    />
                  </Form.Item>
                </Form>
              ),
            },
            {
              key: "upload",
              label: (
                <span>
                  <UploadOutlined aria-hidden /> {t("start.upload")}
                </span>
              ),
              children: (
                <Space orientation="vertical">
                  <span id={`${fileId}-title`} className="nc-id-upload-label">
                    {t("start.uploadLabel")}
                  </span>
                  <Typography.Text type="secondary">{t("start.uploadHint")}</Typography.Text>
                  <Space wrap>
                    <input
                      id={fileId}
                      type="file"
                      accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
                      className="nc-visually-hidden"
                      aria-labelledby={`${fileId}-title ${fileId}-button`}
                      onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                    />
                    <label htmlFor={fileId} id={`${fileId}-button`} className="nc-file-button">
                      <UploadOutlined aria-hidden /> {t("start.chooseFile")}
                    </label>
                    {file ? <Typography.Text>{file.name}</Typography.Text> : null}
                  </Space>
                </Space>
              ),
            },
          ]}
        />
        <ErrorAlert error={read.error} />
        <Button
          type="primary"
          onClick={() => void read.submit()}
          loading={read.isSubmitting}
          disabled={!canRead}
        >
          {t("start.read")}
        </Button>
      </Card>

      <Drafts />
    </Page>
  );
}

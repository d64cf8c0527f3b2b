import { Descriptions, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { JudgeAssignment, JudgeCandidate } from "../../cases/cases.api";
import { formatDateTime, translateOr } from "../../cases/cases.format";

/** The recorded reason for the judge in charge (随机分案): rule, candidates with caseload and the draw. */
export function JudgeAssignmentRecord({ assignment }: { assignment: JudgeAssignment }) {
  const { t } = useTranslation("workbench");
  const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className="nc-assignment">
      <Descriptions size="small" column={1}>
        {assignment.rule ? (
          <Descriptions.Item label={t("review.accepted.reason")}>
            {translateOr(`workbench:review.accepted.rules.${assignment.rule}`, assignment.rule)}
          </Descriptions.Item>
        ) : null}
        {assignment.draw !== undefined ? (
          <Descriptions.Item label={t("review.accepted.drawLabel")}>
            {String(assignment.draw)}
          </Descriptions.Item>
        ) : null}
        {assignment.assignedAt ? (
          <Descriptions.Item label={t("review.accepted.assignedAt")}>
            {formatDateTime(assignment.assignedAt)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {assignment.candidates && assignment.candidates.length > 0 ? (
        <>
          <Typography.Text strong>{t("review.accepted.candidates")}</Typography.Text>
          <Table<JudgeCandidate>
            size="small"
            rowKey="judgeId"
            pagination={false}
            dataSource={assignment.candidates}
            scroll={{ x: 420 }}
            columns={[
              {
                title: t("review.accepted.candidate.name"),
                render: (_v, c) => (
                  <>
                    {c.name}{" "}
                    {c.judgeId === assignment.chosenJudgeId ? (
                      <Tag color="blue">{t("review.accepted.chosen")}</Tag>
                    ) : null}
                  </>
                ),
              },
              { title: t("review.accepted.candidate.openCases"), dataIndex: "openCases", align: "right" },
              {
                title: t("review.accepted.candidate.weight"),
                align: "right",
                render: (_v, c) => c.weight.toFixed(3),
              },
              {
                title: t("review.accepted.candidate.probability"),
                align: "right",
                render: (_v, c) => percent.format(c.probability),
              },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}

import type { PlanIssue } from '@kehou/shared/disclosure';
import { formatCitation } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';

/** Problems beside a field: what is wrong, and the clause that says so. */
export function IssueNotes({ issues }: { issues: readonly PlanIssue[] }) {
  if (!issues.length) return null;
  return (
    <View className="plan-issues">
      {issues.map((issue, index) => (
        <View key={`${issue.path}-${issue.ruleId}-${index}`} className="violation" data-rule={issue.ruleId} data-path={issue.path}>
          <Text>{issue.message}</Text>
          {issue.citation && (
            <Text className="citation">
              依据：{formatCitation(issue.citation)}
              {issue.citation.quote ? `「${issue.citation.quote}」` : ''}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}

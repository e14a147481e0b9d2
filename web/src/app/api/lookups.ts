import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { employeesQuery, surveysQuery, teamsQuery, touchpointsQuery } from "./queries";

export type Option = { value: string; label: string };

/** Select options; duplicates would break the select, so each value appears once. */
function unique(options: Option[]): Option[] {
  const seen = new Set<string>();
  return options.filter((option) => !seen.has(option.value) && seen.add(option.value));
}

/**
 * Teams, touchpoints and employees are referred to by name everywhere in the API (links,
 * filters, responses, groups), so the options carry names as their values.
 */
export function useLookups() {
  const teams = useQuery(teamsQuery);
  const touchpoints = useQuery(touchpointsQuery);
  const employees = useQuery(employeesQuery);
  const surveys = useQuery(surveysQuery);

  return useMemo(
    () => ({
      teams: unique((teams.data?.items ?? []).map((t) => ({ value: t.name, label: t.name }))),
      touchpoints: unique(
        (touchpoints.data?.items ?? []).map((t) => ({ value: t.name, label: t.name })),
      ),
      employees: unique(
        (employees.data?.items ?? []).map((e) => ({
          value: e.name,
          label: e.team ? `${e.name} (${e.team})` : e.name,
        })),
      ),
      surveys: unique((surveys.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))),
    }),
    [teams.data, touchpoints.data, employees.data, surveys.data],
  );
}

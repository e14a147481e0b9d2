import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type QueryValue, withQuery } from "./client";
import type {
  AnalyticsFilters,
  ApiToken,
  Distribution,
  Employee,
  Items,
  Me,
  Named,
  NpsComparison,
  NpsWithGroups,
  ResponsePage,
  Role,
  SetupStatus,
  Survey,
  SurveyInput,
  User,
  Wall,
  WallInput,
  WallUpdate,
} from "./types";

export const setupQuery = queryOptions({
  queryKey: ["setup"],
  queryFn: () => api<SetupStatus>("/api/setup", { redirectOn401: false }),
  staleTime: Number.POSITIVE_INFINITY,
});

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: () => api<Me>("/api/v1/me", { redirectOn401: false }),
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQuery);
}

export const surveysQuery = queryOptions({
  queryKey: ["surveys"],
  queryFn: () => api<Items<Survey>>("/api/v1/surveys"),
});

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: ["surveys", id],
    queryFn: () => api<Survey>(`/api/v1/surveys/${encodeURIComponent(id)}`),
  });

export const teamsQuery = queryOptions({
  queryKey: ["teams"],
  queryFn: () => api<Items<Named>>("/api/v1/teams"),
  staleTime: 60_000,
});

export const touchpointsQuery = queryOptions({
  queryKey: ["touchpoints"],
  queryFn: () => api<Items<Named>>("/api/v1/touchpoints"),
  staleTime: 60_000,
});

export const employeesQuery = queryOptions({
  queryKey: ["employees"],
  queryFn: () => api<Items<Employee>>("/api/v1/employees"),
  staleTime: 60_000,
});

export const usersQuery = queryOptions({
  queryKey: ["users"],
  queryFn: () => api<Items<User>>("/api/v1/users"),
});

export const tokensQuery = queryOptions({
  queryKey: ["tokens"],
  queryFn: () => api<Items<ApiToken>>("/api/v1/tokens"),
});

export const wallsQuery = queryOptions({
  queryKey: ["walls"],
  queryFn: () => api<Items<Wall>>("/api/v1/walls"),
});

type Params = Record<string, QueryValue>;

export const npsQuery = (filters: AnalyticsFilters & { groupBy?: string }) =>
  queryOptions({
    queryKey: ["nps", filters],
    queryFn: () => api<NpsWithGroups>(withQuery("/api/v1/nps", filters as Params)),
    placeholderData: (previous) => previous,
  });

export const compareQuery = (
  filters: AnalyticsFilters & { previousFrom?: string; previousTo?: string },
) =>
  queryOptions({
    queryKey: ["nps-compare", filters],
    queryFn: () => api<NpsComparison>(withQuery("/api/v1/nps/compare", filters as Params)),
    placeholderData: (previous) => previous,
  });

export const distributionQuery = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ["nps-distribution", filters],
    queryFn: () => api<Distribution>(withQuery("/api/v1/nps/distribution", filters as Params)),
    placeholderData: (previous) => previous,
  });

export type ResponseQuery = AnalyticsFilters & {
  category?: string;
  q?: string;
  hasComment?: boolean;
  limit?: number;
  offset?: number;
};

export const responsesQuery = (params: ResponseQuery) =>
  queryOptions({
    queryKey: ["responses", params],
    queryFn: () => api<ResponsePage>(withQuery("/api/v1/responses", params as Params)),
    placeholderData: (previous) => previous,
  });

/** Mutations that change lists invalidate the list they change. */
function useInvalidatingMutation<TInput, TResult>(
  keys: string[][],
  fn: (input: TInput) => Promise<TResult>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreateSurvey = () =>
  useInvalidatingMutation([["surveys"]], (input: SurveyInput) =>
    api<{ id: string; publicUrl: string }>("/api/v1/surveys", { method: "POST", body: input }),
  );

export const useUpdateSurvey = (id: string) =>
  useInvalidatingMutation([["surveys"]], (input: Partial<SurveyInput>) =>
    api<Survey>(`/api/v1/surveys/${encodeURIComponent(id)}`, { method: "PATCH", body: input }),
  );

export type InvitationInput = {
  count?: number;
  email?: string;
  team?: string;
  touchpoint?: string;
  employee?: string;
};

export const useCreateInvitations = (surveyId: string) =>
  useMutation({
    mutationFn: (input: InvitationInput) =>
      api<Items<{ id: string; url: string }>>(
        `/api/v1/surveys/${encodeURIComponent(surveyId)}/invitations`,
        { method: "POST", body: input },
      ),
  });

export const useCreateTeam = () =>
  useInvalidatingMutation([["teams"]], (input: { name: string }) =>
    api<Named>("/api/v1/teams", { method: "POST", body: input }),
  );

export const useCreateTouchpoint = () =>
  useInvalidatingMutation([["touchpoints"]], (input: { name: string }) =>
    api<Named>("/api/v1/touchpoints", { method: "POST", body: input }),
  );

export const useCreateEmployee = () =>
  useInvalidatingMutation(
    [["employees"]],
    (input: { name: string; team?: string; nicknames?: string[]; managerId?: string }) =>
      api<{ id: string }>("/api/v1/employees", { method: "POST", body: input }),
  );

export const useInviteUser = () =>
  useInvalidatingMutation([["users"]], (input: { email: string; role: Role }) =>
    api<{ id: string; url: string }>("/api/v1/user-invitations", { method: "POST", body: input }),
  );

export const useCreateToken = () =>
  useInvalidatingMutation([["tokens"]], (input: { name: string }) =>
    api<{ id: string; token: string }>("/api/v1/tokens", { method: "POST", body: input }),
  );

export const useRevokeToken = () =>
  useInvalidatingMutation([["tokens"]], (id: string) =>
    api<void>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
  );

export const useCreateWall = () =>
  useInvalidatingMutation([["walls"]], (input: WallInput) =>
    api<Wall>("/api/v1/walls", { method: "POST", body: input }),
  );

export const useUpdateWall = () =>
  useInvalidatingMutation([["walls"]], ({ id, ...input }: WallUpdate & { id: string }) =>
    api<Wall>(`/api/v1/walls/${encodeURIComponent(id)}`, { method: "PATCH", body: input }),
  );

export const useRevokeWall = () =>
  useInvalidatingMutation([["walls"]], (id: string) =>
    api<void>(`/api/v1/walls/${encodeURIComponent(id)}`, { method: "DELETE" }),
  );

/** Hides one answer from every wall at once, or shows it again; the comment lists refetch. */
export const useSetHiddenFromWalls = () =>
  useInvalidatingMutation([["responses"]], ({ id, hidden }: { id: string; hidden: boolean }) =>
    api<void>(`/api/v1/responses/${encodeURIComponent(id)}/${hidden ? "hide" : "unhide"}`, {
      method: "POST",
    }),
  );

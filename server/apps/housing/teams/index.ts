// The housing assistant's teams: search (facts), analysis (judgements from those facts) and document
// (contract drafting and review), registered for the runtime.
import { TeamRegistry, type TeamDefinition } from "../../../teams/types";
import { searchTeam } from "./search";
import { analysisTeam } from "./analysis";
import { documentTeam } from "./document";

export { searchTeam, analysisTeam, documentTeam };

export const housingTeams: TeamDefinition[] = [searchTeam, analysisTeam, documentTeam];

export function createHousingTeamRegistry(): TeamRegistry {
  return new TeamRegistry().register(...housingTeams);
}

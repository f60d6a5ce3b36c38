import type { AssignmentMethod, TicketCategory } from '../entities/ticket.js';
import type { AssignmentStrategy, ServiceAgent } from './service-options.js';

/** What the assignment strategies know about an agent, gathered from tickets through the gateway. */
export interface AgentWorkload {
  /** Unresolved tickets assigned to the agent (new, open, pending). */
  readonly openTickets: number;
  /** When the agent was last given a ticket (ISO), `null` if never. */
  readonly lastAssignedAt: string | null;
}

export interface AgentChoice {
  readonly agent: ServiceAgent;
  readonly method: AssignmentMethod;
}

/**
 * Chooses an agent among `agents` (already the active members of the team in directory order).
 *
 * - `round_robin`: the agent least recently given a ticket (never-assigned first), ties in
 *   directory order. Derived from the stored assignment history, so the rotation survives reloads
 *   and is shared by every tab.
 * - `least_loaded`: the fewest unresolved tickets; ties by round-robin order.
 * - `skill`: only agents whose `skills` include the ticket's category, then least-loaded among
 *   them; when nobody has the skill, falls back to least-loaded over all (recorded as such).
 *
 * Pure: `workload` supplies the numbers. `null` when there is no agent.
 */
export function chooseAgent(
  strategy: AssignmentStrategy,
  agents: readonly ServiceAgent[],
  workload: ReadonlyMap<string, AgentWorkload>,
  category?: TicketCategory,
): AgentChoice | null {
  if (agents.length === 0) return null;
  const stats = (a: ServiceAgent): AgentWorkload =>
    workload.get(a.id) ?? { openTickets: 0, lastAssignedAt: null };
  const order = new Map(agents.map((a, i) => [a.id, i]));
  const byRotation = (a: ServiceAgent, b: ServiceAgent) => {
    const la = stats(a).lastAssignedAt;
    const lb = stats(b).lastAssignedAt;
    if (la !== lb) {
      if (la === null) return -1;
      if (lb === null) return 1;
      return la < lb ? -1 : 1;
    }
    return order.get(a.id)! - order.get(b.id)!;
  };
  const byLoad = (a: ServiceAgent, b: ServiceAgent) =>
    stats(a).openTickets - stats(b).openTickets || byRotation(a, b);

  if (strategy === 'round_robin') {
    return { agent: [...agents].sort(byRotation)[0]!, method: 'round_robin' };
  }
  if (strategy === 'skill' && category) {
    const skilled = agents.filter((a) => a.skills?.includes(category));
    if (skilled.length) return { agent: [...skilled].sort(byLoad)[0]!, method: 'skill' };
  }
  return { agent: [...agents].sort(byLoad)[0]!, method: 'least_loaded' };
}

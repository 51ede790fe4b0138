/**
 * The viewer's own researcher record among those the server shows them (a researcher also
 * sees colleagues attached to the same schools): the one whose current assignments cover
 * most of the schools the viewer's RESEARCHER grants name (the grants mirror the assignments).
 */
export function ownResearcher<R extends { id: string; assignments: { nodes: readonly { school: { id: string } }[] } }>(
  researchers: readonly R[],
  grantedSchoolIds: readonly string[],
): R | null {
  let best: R | null = null;
  let bestScore = 0;
  for (const r of researchers) {
    const schools = new Set(r.assignments.nodes.map((a) => a.school.id));
    const covered = grantedSchoolIds.filter((id) => schools.has(id)).length;
    // Ties go to the record with fewer schools outside the grants.
    const score = covered * 1000 - (schools.size - covered);
    if (covered > 0 && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

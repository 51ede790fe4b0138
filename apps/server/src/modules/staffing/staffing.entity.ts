import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { School } from '../school/school.entity.js';

/**
 * Per-school teacher counts behind every staffing indicator. Database triggers on
 * `teacher` (see the StaffingCounts migration) keep each row exact inside the same
 * transaction as the teacher change, so the figures cannot go stale; indicators for a
 * town, a district or the city are then sums over schools, not scans of every teacher.
 * Only full-time teachers (专任教师) count, as the plan's ratios do.
 */
@Entity('school_staffing')
export class SchoolStaffing {
  @PrimaryColumn({ type: 'uuid' })
  schoolId: string;

  @OneToOne(() => School, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: Relation<School>;

  /** full-time teachers */
  @Column({ type: 'integer', default: 0 })
  fullTime: number;

  /** full-time teachers with a backbone level of county or above */
  @Column({ type: 'integer', default: 0 })
  backbone: number;

  /** full-time teachers with a bachelor's degree or above */
  @Column({ type: 'integer', default: 0 })
  bachelorOrAbove: number;

  /** full-time teachers with an associate degree or above */
  @Column({ type: 'integer', default: 0 })
  associateOrAbove: number;
}

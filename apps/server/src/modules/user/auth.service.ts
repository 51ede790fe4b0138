import { hash, verify } from '@node-rs/argon2';
import { jwtVerify, SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Context } from '../../context.js';
import { AppError, ErrorCode, unauthenticated } from '../../common/errors.js';
import { Role, type Viewer } from '../../auth/viewer.js';
import { AuthSession, RoleGrant, User, usernameKey } from './user.entity.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1), OWASP's minimum recommendation. */
export const hashPassword = (password: string) => hash(password);

const ISSUER = 'zhuji';

/**
 * Sign-in, tokens and the viewer behind a request. Tokens are short JWTs (HS256) naming a
 * session row; logout revokes the row, so a stolen token dies with it.
 */
export class AuthService {
  /** shared by every process on this database; see sign-in-throttle.ts for the policy */
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
  ) {
    this.throttle = new SignInThrottle(ds, () => config.clock);
  }

  async login(
    username: string,
    password: string,
    address: string,
  ): Promise<{ token: string; expiresAt: Date; user: User }> {
    // Counted before the password is checked: a refused attempt never reaches verify().
    await this.throttle.admit(username, address);
    // Usernames ignore case (`Demo-City` is demo-city), like the throttle's counters.
    const user = await this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = :key', { key: usernameKey(username) })
      .getOne();
    // Verify against a hash even for unknown users so timing does not reveal which usernames exist.
    const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    const demoRefused = user?.isDemo && this.config.nodeEnv === 'production';
    if (!user || !ok || !user.isActive || demoRefused) {
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password', '用户名或密码错误');
    }
    await this.throttle.succeeded(username, address);
    // Token times follow the programme clock, so a server run on a pinned day (ZHUJI_TODAY)
    // issues tokens it also accepts.
    const now = this.config.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.tokenTtlMinutes * 60_000);
    const session = await this.ds.getRepository(AuthSession).save({ userId: user.id, expiresAt, revokedAt: null });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(user.id)
      .setJti(session.id)
      .setIssuedAt(now)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.config.jwtSecret);
    return { token, expiresAt, user };
  }

  async logout(ctx: Context): Promise<boolean> {
    if (!ctx.viewer) throw unauthenticated();
    await this.ds.getRepository(AuthSession).update({ id: ctx.viewer.tokenId }, { revokedAt: this.config.clock.now() });
    return true;
  }

  /**
   * The viewer behind a bearer token, or null for no token. A bad, expired or revoked
   * token is an error (UNAUTHENTICATED), not silently anonymous: the client should know
   * its session is over.
   */
  async viewerFromToken(token: string | undefined): Promise<Viewer | null> {
    if (!token) return null;
    let sub: string, jti: string;
    try {
      const { payload } = await jwtVerify(token, this.config.jwtSecret, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: this.config.clock.now(),
      });
      if (!payload.sub || !payload.jti) throw new Error('incomplete token');
      sub = payload.sub;
      jti = payload.jti;
    } catch {
      throw sessionOver();
    }
    const session = await this.ds.getRepository(AuthSession).findOneBy({ id: jti, userId: sub });
    if (!session || session.revokedAt || session.expiresAt.getTime() < this.config.clock.now().getTime())
      throw sessionOver();
    const user = await this.ds.getRepository(User).findOneBy({ id: sub });
    if (!user || !user.isActive || (user.isDemo && this.config.nodeEnv === 'production')) throw sessionOver();
    const grants = await this.ds.getRepository(RoleGrant).findBy({ userId: user.id });
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      tokenId: session.id,
      grants: grants.map((g) => ({ role: g.role, districtId: g.districtId, schoolId: g.schoolId })),
      ...(await this.reachedSchools(user.id, grants)),
    };
  }

  /**
   * Schools a viewer reaches beyond the ones their grants name, as of today, through
   * approved relations only (a pending proposal reaches nothing): a group leader's partner
   * schools and current members of groups their lead school leads; a researcher's currently
   * assigned schools. A full trusteeship, a group branch and a branch campus are managed;
   * a pairing, counterpart support and a plain member are only read (docs/ACCESS.md).
   */
  private async reachedSchools(
    userId: string,
    grants: RoleGrant[],
  ): Promise<Pick<Viewer, 'extraSchoolIds' | 'readOnlySchoolIds'>> {
    const leadIds = grants.filter((g) => g.role === Role.GROUP_LEADER && g.schoolId).map((g) => g.schoolId!);
    const isResearcher = grants.some((g) => g.role === Role.RESEARCHER);
    if (!leadIds.length && !isResearcher) return { extraSchoolIds: [], readOnlySchoolIds: [] };
    const day = this.config.clock.today();
    // Lead ids are spelled out as $3, $4, …: PGlite does not serialise array parameters.
    const leads = leadIds.length ? leadIds.map((_, i) => `$${i + 3}`).join(', ') : 'NULL';
    const rows: { school_id: string; managed: boolean }[] = await this.ds.query(
      `SELECT t.partner_school_id AS school_id, t.mode IN ('FULL_TRUSTEESHIP', 'GROUP_BRANCH') AS managed FROM trusteeship t
        WHERE t.lead_school_id IN (${leads}) AND t.approval = 'APPROVED'
          AND t.start_date <= $1 AND (t.actual_end_date IS NULL OR t.actual_end_date >= $1)
       UNION
       SELECT m.school_id, m.role = 'BRANCH_CAMPUS' FROM group_membership m JOIN collaboration_group g ON g.id = m.group_id
        WHERE g.lead_school_id IN (${leads}) AND m.role <> 'LEAD' AND m.approval = 'APPROVED'
          AND m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on >= $1)
       UNION
       SELECT a.school_id, TRUE FROM researcher_assignment a JOIN researcher r ON r.id = a.researcher_id
        WHERE r.user_id = $2 AND a.start_date <= $1 AND (a.end_date IS NULL OR a.end_date >= $1)`,
      [day, isResearcher ? userId : null, ...leadIds],
    );
    const managed = new Set(rows.filter((r) => r.managed).map((r) => r.school_id));
    const reached = new Set(rows.map((r) => r.school_id));
    return {
      extraSchoolIds: [...reached],
      readOnlySchoolIds: [...reached].filter((id) => !managed.has(id)),
    };
  }
}

/** Thrown while building the request context, so the HTTP status must be set here: 401. */
function sessionOver(): AppError {
  return new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended; sign in again', '登录已失效，请重新登录', {
    http: { status: 401 },
  });
}

// A valid argon2id hash of a random string, verified against when the username is unknown.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$Da1jU+0PQecKYCxikiZwKw$KL2FU9Es7V4ANwtn0Qx2hEEG2jT6MZrClUjk9ZXwZrQ';

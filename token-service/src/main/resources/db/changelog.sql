--liquibase formatted sql

--changeset cognate:1
-- token-service schema. Every row belongs to one user pool and every query names it.

-- RS256 signing keys. A pool has at most one ACTIVE key (the one that signs); RETIRED keys only verify, and stay in
-- the JWKS until expires_at so tokens they signed keep verifying through a rotation.
create table signing_key (
    kid                 text        primary key,
    user_pool_id        text        not null,
    status              text        not null check (status in ('ACTIVE', 'RETIRED')),
    -- X.509 SubjectPublicKeyInfo, DER.
    public_key          bytea       not null,
    -- PKCS#8 DER sealed with AES-256-GCM under the KEK (tag appended), AAD = user_pool_id || 0x00 || kid.
    private_key_sealed  bytea       not null,
    private_key_nonce   bytea       not null,
    created_at          timestamptz not null,
    expires_at          timestamptz
);

-- Replicas racing to create a pool's first key: one insert wins, the others do nothing and re-read.
create unique index signing_key_one_active_per_pool on signing_key (user_pool_id) where status = 'ACTIVE';
create index signing_key_by_pool on signing_key (user_pool_id);

-- One row per sign-in: the refresh token and every token minted from it share origin_jti.
create table refresh_token_family (
    id            uuid        primary key,
    user_pool_id  text        not null,
    client_id     text        not null,
    username      text        not null,
    sub           text        not null,
    origin_jti    uuid        not null,
    -- Epoch seconds, as the auth_time claim carries it.
    auth_time     bigint      not null,
    -- SHA-256 of the random secret sealed inside the refresh token; the token itself is never stored.
    secret_hash   bytea       not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz
);

create unique index refresh_token_family_by_origin_jti on refresh_token_family (user_pool_id, origin_jti);
-- Global sign-out revokes every live family of a user.
create index refresh_token_family_live_by_user on refresh_token_family (user_pool_id, sub) where revoked_at is null;

--changeset cognate:2
-- How the user authenticated at the sign-in that opened the family (RFC 8176 amr values, space-separated), so
-- that ID tokens minted by refresh carry the same amr.
alter table refresh_token_family add column amr varchar(64);

--changeset cognate:3 runInTransaction:false
-- ExpiredFamilies deletes families a day past their expiry or their revocation, by these. Built concurrently: the
-- table may be large by the time this runs, and sign-ins must go on meanwhile.
create index concurrently if not exists refresh_token_family_expiry on refresh_token_family (expires_at);
create index concurrently if not exists refresh_token_family_revoked on refresh_token_family (revoked_at)
    where revoked_at is not null;

--changeset cognate:4
-- Private keys are sealed as one envelope (libs/crypto: version, KEK id, nonce, ciphertext) in private_key_sealed,
-- under the current KEK; private_key_nonce is only read for keys of the first release until they are re-wrapped
-- (COGNATE_COMMAND=rewrap-keys), which clears it.
alter table signing_key alter column private_key_nonce drop not null;

--changeset cognate:5
-- OAuth: the scopes a family's tokens carry (space-separated; null for the API's families, whose one scope is
-- aws.cognito.signin.user.admin) and whether they are the OAuth endpoints' tokens; and RefreshTokenRotation, which
-- replaces the family's refresh token on each refresh and keeps the replaced one's hash for its grace period.
alter table refresh_token_family add column scopes text;
alter table refresh_token_family add column oauth boolean not null default false;
alter table refresh_token_family add column previous_secret_hash bytea;
alter table refresh_token_family add column rotated_at timestamptz;
alter table refresh_token_family add column retry_grace_seconds integer;

-- Authorization codes, shared by every replica: redeemed once, within five minutes. A code stands for the tokens
-- issued when the user signed in, sealed (libs/crypto, purpose AUTHORIZATION_CODE); the code itself is not stored,
-- only its SHA-256. A redeemed code stays (redeemed_at set) until it expires, so that a replay is recognised and
-- revokes what the code issued (RFC 6749 §4.1.2).
create table authorization_code (
    code_hash       bytea       primary key,
    user_pool_id    text        not null,
    client_id       text        not null,
    redirect_uri    text        not null,
    -- The PKCE S256 challenge; null without PKCE.
    code_challenge  text,
    tokens_sealed   bytea       not null,
    expires_at      timestamptz not null,
    redeemed_at     timestamptz
);
create index authorization_code_expiry on authorization_code (expires_at);

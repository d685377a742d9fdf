--liquibase formatted sql

--changeset cognate:1
CREATE TABLE user_pool (
    id              varchar(55) PRIMARY KEY,
    name            varchar(128) NOT NULL,
    settings        text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE app_client (
    client_id       varchar(128) PRIMARY KEY,
    pool_id         varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_name     varchar(128) NOT NULL,
    secret_sealed   bytea,
    settings        text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX app_client_pool ON app_client (pool_id, client_id);

CREATE TABLE pool_user (
    sub                     uuid PRIMARY KEY,
    pool_id                 varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    username                varchar(128) NOT NULL,
    username_key            varchar(128) NOT NULL,
    status                  varchar(32) NOT NULL,
    enabled                 boolean NOT NULL,
    attributes              text NOT NULL,
    email_key               varchar(2048),
    phone_key               varchar(64),
    preferred_username_key  varchar(2048),
    password_salt           bytea,
    password_verifier       bytea,
    temporary_password_expires_at timestamptz,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    CONSTRAINT pool_user_username UNIQUE (pool_id, username_key)
);
CREATE INDEX pool_user_email ON pool_user (pool_id, email_key);
CREATE INDEX pool_user_phone ON pool_user (pool_id, phone_key);
CREATE INDEX pool_user_preferred ON pool_user (pool_id, preferred_username_key);

CREATE TABLE user_code (
    id          uuid PRIMARY KEY,
    pool_id     varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub         uuid NOT NULL REFERENCES pool_user (sub) ON DELETE CASCADE,
    purpose     varchar(32) NOT NULL,
    code_hash   bytea NOT NULL,
    expires_at  timestamptz NOT NULL,
    attempts    integer NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT user_code_purpose UNIQUE (pool_id, sub, purpose)
);

CREATE TABLE user_group (
    id          uuid PRIMARY KEY,
    pool_id     varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    group_name  varchar(128) NOT NULL,
    description varchar(2048),
    role_arn    varchar(2048),
    precedence  integer,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT user_group_name UNIQUE (pool_id, group_name)
);

CREATE TABLE group_member (
    id          uuid PRIMARY KEY,
    pool_id     varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    group_id    uuid NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    sub         uuid NOT NULL REFERENCES pool_user (sub) ON DELETE CASCADE,
    CONSTRAINT group_member_unique UNIQUE (group_id, sub)
);
CREATE INDEX group_member_user ON group_member (pool_id, sub);

-- A sign-in challenge (Session or SRP secret block) is single-use: its id is recorded when answered.
CREATE TABLE consumed_challenge (
    id          varchar(64) PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);

-- The transactional outbox: written with the change it describes, published to Kafka by OutboxRelay.
CREATE TABLE outbox_event (
    id            bigserial PRIMARY KEY,
    topic         varchar(255) NOT NULL,
    event_key     varchar(512) NOT NULL,
    payload       text NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;

--changeset cognate:2
-- Sign-out as user-pool-service checks it on every call made with an access token (GetUser, ...), without asking
-- token-service: tokens issued before tokens_revoked_at (GlobalSignOut) are refused, and so are the tokens of a
-- family RevokeToken ended, until every access token minted from it has expired.
ALTER TABLE pool_user ADD COLUMN tokens_revoked_at timestamptz;

CREATE TABLE revoked_token_family (
    origin_jti  uuid PRIMARY KEY,
    pool_id     varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX revoked_token_family_expiry ON revoked_token_family (expires_at);
CREATE INDEX consumed_challenge_expiry ON consumed_challenge (expires_at);

--changeset cognate:3
-- Per-user limits on codes: how many were sent in the current hour (LimitExceededException past the limit).
ALTER TABLE user_code ADD COLUMN sends integer NOT NULL DEFAULT 1;
ALTER TABLE user_code ADD COLUMN window_started_at timestamptz;
UPDATE user_code SET window_started_at = created_at;
ALTER TABLE user_code ALTER COLUMN window_started_at SET NOT NULL;
-- Lockout after repeated wrong passwords (SignInCompletion): consecutive failures, the last one, and until when
-- sign-ins are refused.
ALTER TABLE pool_user ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE pool_user ADD COLUMN last_failed_sign_in_at timestamptz;
ALTER TABLE pool_user ADD COLUMN locked_until timestamptz;

--changeset cognate:4
-- MFA factors of a user: the TOTP secret (sealed with the KEK) once verified, one being set up, the last time step
-- a code was accepted for (each code works once), and which factors are enabled and preferred.
ALTER TABLE pool_user ADD COLUMN totp_secret bytea;
ALTER TABLE pool_user ADD COLUMN totp_pending_secret bytea;
ALTER TABLE pool_user ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;
ALTER TABLE pool_user ADD COLUMN mfa_enabled varchar(128) NOT NULL DEFAULT '';
ALTER TABLE pool_user ADD COLUMN mfa_preferred varchar(32);

--changeset cognate:5
-- New values of email or phone_number held back until verified (UserAttributeUpdateSettings'
-- AttributesRequireVerificationBeforeUpdate), as a JSON object; null when none.
ALTER TABLE pool_user ADD COLUMN pending_attributes text;

--changeset cognate:6
-- Housekeeping deletes published events after a day by this index, not by scanning the whole outbox.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

--changeset cognate:7
-- Request counts per pool, rate category and second (RateLimits), shared by every replica. Unlogged: counters need
-- no crash safety, and no WAL keeps the per-request write cheap. Housekeeping drops windows older than a minute.
CREATE UNLOGGED TABLE rate_counter (
    pool_id        varchar(55) NOT NULL,
    category       varchar(32) NOT NULL,
    window_second  bigint NOT NULL,
    hits           integer NOT NULL,
    PRIMARY KEY (pool_id, category, window_second)
);

--changeset cognate:8
-- Devices a user signed in from, where the pool tracks devices (DeviceConfiguration): created at sign-in
-- (NewDeviceMetadata), confirmed with the device's own SRP verifier (ConfirmDevice, sealed with the KEK), then
-- answerable through DEVICE_SRP_AUTH; a remembered device skips MFA.
CREATE TABLE user_device (
    device_key             varchar(55) PRIMARY KEY,
    pool_id                varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub                    uuid NOT NULL REFERENCES pool_user (sub) ON DELETE CASCADE,
    device_group_key       varchar(55) NOT NULL,
    device_name            varchar(1024),
    salt                   bytea,
    verifier               bytea,
    confirmed              boolean NOT NULL,
    remembered             boolean NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    last_authenticated_at  timestamptz
);
CREATE INDEX user_device_user ON user_device (pool_id, sub, created_at);

--changeset cognate:9
-- A user's earlier passwords, as their SRP verifiers (sealed with the KEK like the current one), for the pool's
-- PasswordPolicy.PasswordHistorySize: a new password may not be any of the last n. At most 24 kept per user.
CREATE TABLE password_history (
    id          uuid PRIMARY KEY,
    pool_id     varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub         uuid NOT NULL REFERENCES pool_user (sub) ON DELETE CASCADE,
    salt        bytea NOT NULL,
    verifier    bytea NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX password_history_user ON password_history (pool_id, sub, created_at);

--changeset cognate:10
-- The browser half: a pool's domains (one prefix domain and one custom domain at most; a domain names one pool in
-- the whole deployment), its resource servers (custom scopes), and how its pages look: the classic UI's CSS and logo
-- (per client, or ALL) and managed-login branding (one style per client).
CREATE TABLE user_pool_domain (
    domain                 varchar(253) PRIMARY KEY,
    pool_id                varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    custom                 boolean NOT NULL,
    certificate_arn        varchar(2048),
    managed_login_version  integer NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX user_pool_domain_pool ON user_pool_domain (pool_id);

CREATE TABLE resource_server (
    pool_id     varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    identifier  varchar(256) NOT NULL,
    name        varchar(256) NOT NULL,
    -- [{"ScopeName": ..., "ScopeDescription": ...}]
    scopes      text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (pool_id, identifier)
);

CREATE TABLE ui_customization (
    pool_id      varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    -- 'ALL' for the pool's default
    client_id    varchar(128) NOT NULL,
    css          text,
    image        bytea,
    css_version  varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (pool_id, client_id)
);

CREATE TABLE managed_login_branding (
    id                           uuid PRIMARY KEY,
    pool_id                      varchar(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id                    varchar(128) NOT NULL,
    use_cognito_provided_values  boolean NOT NULL,
    -- the Settings document, and the Assets list as JSON
    settings                     text,
    assets                       text NOT NULL,
    created_at                   timestamptz NOT NULL,
    updated_at                   timestamptz NOT NULL,
    UNIQUE (pool_id, client_id)
);

--changeset cognate:11
-- OutboxRelay publishes in the order events happened (created_at), not the order their rows were written.
CREATE INDEX outbox_event_unpublished_by_time ON outbox_event (created_at, id) WHERE published_at IS NULL;
DROP INDEX outbox_event_unpublished;

--changeset cognate:12
-- A pool's external identity providers (CreateIdentityProvider): OIDC issuers and the social presets. ProviderDetails,
-- which hold the client secret, are sealed with the KEK (purpose IDENTITY_PROVIDER_DETAILS); the attribute mapping and
-- the IdP identifiers are JSON.
CREATE TABLE identity_provider (
    pool_id            varchar(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    provider_name      varchar(32)  NOT NULL,
    provider_type      varchar(32)  NOT NULL,
    details_sealed     bytea        NOT NULL,
    attribute_mapping  text         NOT NULL,
    idp_identifiers    text         NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    PRIMARY KEY (pool_id, provider_name)
);

--changeset cognate:13
-- Links from a user at an external identity provider to a native user of the pool (AdminLinkProviderForUser): a
-- sign-in at that provider as that subject signs the native user in.
CREATE TABLE federated_link (
    pool_id        varchar(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    provider_name  varchar(32)  NOT NULL,
    subject        varchar(2048) NOT NULL,
    sub            uuid         NOT NULL REFERENCES pool_user (sub) ON DELETE CASCADE,
    created_at     timestamptz  NOT NULL,
    PRIMARY KEY (pool_id, provider_name, subject)
);
CREATE INDEX federated_link_user ON federated_link (sub);

--changeset cognate:14
-- A pool's keys as a SAML service provider, made when a SAML provider or the signing certificate is first needed: one
-- to sign its AuthnRequests and LogoutRequests (GetSigningCertificate), one that identity providers encrypt
-- assertions to (EncryptedResponses). The private keys are sealed with the KEK (purpose SAML_KEY); the certificates
-- are self-signed DER.
CREATE TABLE saml_key (
    pool_id             varchar(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    key_use             varchar(16)  NOT NULL,
    private_key_sealed  bytea        NOT NULL,
    certificate         bytea        NOT NULL,
    created_at          timestamptz  NOT NULL,
    PRIMARY KEY (pool_id, key_use)
);

--changeset cognate:15
-- AdminLinkProviderForUser may link by a claim of the provider's answer other than its subject (OIDC and SAML
-- providers): the claim's name is part of the link's key. Existing links are by subject (Cognito_Subject).
ALTER TABLE federated_link ADD COLUMN attribute_name varchar(256) NOT NULL DEFAULT 'Cognito_Subject';
ALTER TABLE federated_link DROP CONSTRAINT federated_link_pkey;
ALTER TABLE federated_link ADD PRIMARY KEY (pool_id, provider_name, attribute_name, subject);

--changeset cognate:16 runInTransaction:false
-- ListUsers' filters by index rather than by reading every user of the pool (a million-user pool answered an email
-- filter in seconds): one index per filterable attribute, on the very expression UserFilter searches, then the
-- username, so that a page comes out of the index in order. The username has the pool_user_username constraint;
-- status and enabled, with a handful of values each, are searched along it. Built concurrently: the table may be
-- large by the time this runs, and sign-ins must go on meanwhile.
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_email
    ON pool_user (pool_id, lower(attributes::jsonb ->> 'email'), username_key);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_phone_number
    ON pool_user (pool_id, (attributes::jsonb ->> 'phone_number'), username_key);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_name
    ON pool_user (pool_id, (attributes::jsonb ->> 'name'), username_key);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_given_name
    ON pool_user (pool_id, (attributes::jsonb ->> 'given_name'), username_key);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_family_name
    ON pool_user (pool_id, (attributes::jsonb ->> 'family_name'), username_key);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_preferred_username
    ON pool_user (pool_id, (attributes::jsonb ->> 'preferred_username'), username_key);
CREATE INDEX CONCURRENTLY IF NOT EXISTS pool_user_filter_sub ON pool_user (pool_id, (cast(sub AS text)), username_key);

--changeset cognate:17
-- The trace context of the request that wrote an outbox event, which the relay publishes as the record's traceparent
-- header (null: not traced).
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_parent text;

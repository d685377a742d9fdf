--liquibase formatted sql

--changeset cognate:1
-- identity-pool-service schema. Every identity, login and setting belongs to one identity pool and every query
-- names it; roles and their policies belong to the deployment's one account.

create table identity_pool (
    id                        text        primary key,
    name                      text        not null,
    allow_unauthenticated     boolean     not null,
    allow_classic_flow        boolean     not null,
    developer_provider_name   text,
    -- Logins keys of social providers by app id, as CreateIdentityPool took them (JSON object).
    supported_login_providers text        not null,
    -- CognitoIdentityProviders as given: [{ProviderName, ClientId, ServerSideTokenCheck}] (JSON).
    cognito_providers         text        not null,
    open_id_connect_providers text        not null,
    saml_providers            text        not null,
    tags                      text        not null,
    -- SetIdentityPoolRoles: {"authenticated": arn, "unauthenticated": arn} and the RoleMappings by provider (JSON).
    roles                     text        not null default '{}',
    role_mappings             text        not null default '{}',
    -- SetPrincipalTagAttributeMap by provider: {"UseDefaults": bool, "PrincipalTags": {tag: claim}} (JSON).
    principal_tags            text        not null default '{}',
    created_at                timestamptz not null
);
create index identity_pool_by_name on identity_pool (name, id);

-- An identity of a pool; one that has had a login is authenticated for good.
create table identity (
    id             text        primary key,
    pool_id        text        not null references identity_pool (id) on delete cascade,
    disabled       boolean     not null default false,
    created_at     timestamptz not null,
    modified_at    timestamptz not null
);
create index identity_by_pool on identity (pool_id, created_at, id);

-- The logins linked to an identity: at most one per provider and identity, and a provider's user belongs to one
-- identity of the pool.
create table identity_login (
    pool_id      text not null,
    provider     text not null,
    subject      text not null,
    identity_id  text not null references identity (id) on delete cascade,
    primary key (pool_id, provider, subject)
);
create unique index identity_login_one_per_provider on identity_login (identity_id, provider);

-- IAM roles (the subset of IAM this deployment keeps): the trust policy decides who may assume a role, its inline
-- policies what the credentials it vends may do.
create table iam_role (
    name                  text        primary key,
    arn                   text        not null unique,
    role_id               text        not null unique,
    path                  text        not null,
    description           text,
    assume_role_policy    text        not null,
    max_session_duration  integer     not null,
    created_at            timestamptz not null
);

create table iam_role_policy (
    role_name    text not null references iam_role (name) on delete cascade,
    policy_name  text not null,
    document     text not null,
    primary key (role_name, policy_name)
);

-- The RSA key that signs the OpenID tokens (RS512); the private half is sealed under the KEK.
create table openid_signing_key (
    kid                 text        primary key,
    public_key          bytea       not null,
    private_key_sealed  bytea       not null,
    created_at          timestamptz not null
);

--changeset cognate:2
-- A developer provider may name several of the developer's users on one identity (LookupDeveloperIdentity lists
-- them, MergeDeveloperIdentities makes them); the one-login-per-provider rule of the other providers is the flows'.
drop index identity_login_one_per_provider;
create index identity_login_by_identity on identity_login (identity_id);

--changeset cognate:3
-- The transactional outbox (libs/outbox): identity events written with the change they describe, published to Kafka
-- by the relay, one replica at a time.
create table outbox_event (
    id            bigserial   primary key,
    topic         text        not null,
    event_key     text        not null,
    payload       text        not null,
    created_at    timestamptz not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

--changeset cognate:4
-- IAM's OpenID Connect providers: issuers whose ID tokens identity pools (OpenIdConnectProviderARNs) accept as logins,
-- checked by the issuer's discovery document and JWKS.
create table iam_oidc_provider (
    arn         text        primary key,
    url         text        not null unique,
    client_ids  text        not null,
    thumbprints text        not null,
    created_at  timestamptz not null
);

--changeset cognate:5
-- The relay reads pending events in the order they happened: this index serves that order without a sort of the
-- whole backlog.
create index outbox_event_unpublished_by_time on outbox_event (created_at, id) where published_at is null;
drop index outbox_event_unpublished;

--changeset cognate:6
-- Request counts per operation and second (libs/ratelimit), shared by every replica; the scope is the account, as
-- Cognito counts identity pool quotas. Unlogged: counters need no crash safety, and no WAL keeps the write cheap. Windows
-- older than a minute are deleted by the service's housekeeping.
create unlogged table rate_counter (
    pool_id        varchar(55) not null,
    category       varchar(64) not null,
    window_second  bigint      not null,
    hits           integer     not null,
    primary key (pool_id, category, window_second)
);

--changeset cognate:7
-- IAM's SAML providers (CreateSAMLProvider): an identity provider's metadata, whose certificates sign the SAML
-- assertions an identity pool listing the provider (SamlProviderARNs) takes as logins.
create table iam_saml_provider (
    arn          varchar(2048) primary key,
    metadata     text        not null,
    created_at   timestamptz not null,
    valid_until  timestamptz not null
);

--changeset cognate:8
-- The trace context of the request that wrote an outbox event, which the relay publishes as the record's traceparent
-- header (null: not traced).
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_parent text;

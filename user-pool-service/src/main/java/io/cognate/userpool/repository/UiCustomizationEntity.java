package io.cognate.userpool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;
import io.cognate.userpool.model.UiCustomization;

/** A classic hosted UI customization of a client, or of a pool ({@code client_id} ALL). */
@Table("ui_customization")
public class UiCustomizationEntity {
    @Id
    @Column("pool_id")
    public String poolId;
    @Id
    @Column("client_id")
    public String clientId;
    public String css;
    public byte[] image;
    @Column("css_version")
    public String cssVersion;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;

    public UiCustomization customization() {
        return new UiCustomization(poolId, clientId, css, image, cssVersion, createdAt, updatedAt);
    }
}

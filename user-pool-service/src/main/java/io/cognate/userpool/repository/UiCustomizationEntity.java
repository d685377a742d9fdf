package io.cognate.userpool.repository;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.cognate.userpool.model.UiCustomization;

/** A classic hosted UI customization of a client, or of a pool ({@code client_id} ALL). */
@Entity
@Table(name = "ui_customization")
@IdClass(UiCustomizationEntity.Key.class)
public class UiCustomizationEntity {
    @Id
    @Column(name = "pool_id")
    public String poolId;
    @Id
    @Column(name = "client_id")
    public String clientId;
    public String css;
    public byte[] image;
    @Column(name = "css_version")
    public String cssVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public UiCustomization customization() {
        return new UiCustomization(poolId, clientId, css, image, cssVersion, createdAt, updatedAt);
    }

    public static class Key implements Serializable {
        public String poolId;
        public String clientId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.poolId.equals(poolId) && key.clientId.equals(clientId);
        }

        @Override
        public int hashCode() {
            return poolId.hashCode() * 31 + clientId.hashCode();
        }
    }
}

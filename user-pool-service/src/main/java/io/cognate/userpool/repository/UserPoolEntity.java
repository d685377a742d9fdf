package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.cognate.userpool.model.PoolSettings;

/** A user pool; {@code settings} is its Cognito description (policies, schema, ...) as JSON ({@link PoolSettingsJson}). */
@Entity
@Table(name = "user_pool")
public class UserPoolEntity {
    @Id
    public String id;
    public String name;
    @Column(name = "settings")
    String settingsJson;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Transient
    private PoolSettings settings;

    public PoolSettings settings() {
        if (settings == null) {
            settings = PoolSettingsJson.read(settingsJson);
        }
        return settings;
    }

    public void settings(PoolSettings newSettings) {
        settings = newSettings;
        settingsJson = StoredJson.write(PoolSettingsJson.write(newSettings));
    }
}

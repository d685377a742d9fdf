package io.cognate.userpool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;
import io.cognate.userpool.model.PoolSettings;

/** A user pool; {@code settings} is its Cognito description (policies, schema, ...) as JSON ({@link PoolSettingsJson}). */
@Table("user_pool")
public class UserPoolEntity {
    @Id
    public String id;
    public String name;
    @Column("settings")
    String settingsJson;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;
    private transient PoolSettings settings;

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

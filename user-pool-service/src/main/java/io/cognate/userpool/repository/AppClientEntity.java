package io.cognate.userpool.repository;

import java.time.Instant;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;
import io.cognate.userpool.model.ClientSettings;

/** An app client; its secret is sealed with the KEK, {@code settings} is its Cognito description as JSON. */
@Table("app_client")
public class AppClientEntity {
    @Id
    @Column("client_id")
    public String clientId;
    @Column("pool_id")
    public String poolId;
    @Column("client_name")
    public String clientName;
    @Column("secret_sealed")
    public byte[] secretSealed;
    @Column("settings")
    String settingsJson;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;
    private transient ClientSettings settings;

    public ClientSettings settings() {
        if (settings == null) {
            settings = ClientSettingsJson.read(settingsJson);
        }
        return settings;
    }

    public void settings(ClientSettings newSettings) {
        settings = newSettings;
        settingsJson = StoredJson.write(ClientSettingsJson.write(newSettings));
    }
}

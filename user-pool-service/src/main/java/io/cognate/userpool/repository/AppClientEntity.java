package io.cognate.userpool.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.cognate.userpool.model.ClientSettings;

/** An app client; its secret is sealed with the KEK, {@code settings} is its Cognito description as JSON. */
@Entity
@Table(name = "app_client")
public class AppClientEntity {
    @Id
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "pool_id")
    public String poolId;
    @Column(name = "client_name")
    public String clientName;
    @Column(name = "secret_sealed")
    public byte[] secretSealed;
    @Column(name = "settings")
    String settingsJson;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Transient
    private ClientSettings settings;

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

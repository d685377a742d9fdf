package io.cognate.userpool.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.cognate.database.rows.Column;
import io.cognate.database.rows.Id;
import io.cognate.database.rows.Table;
import io.cognate.userpool.model.ManagedLoginBranding;

/** A client's managed-login style; its Settings document as JSON text, its assets as JSON (bytes in base64). */
@Table("managed_login_branding")
public class ManagedLoginBrandingEntity {
    @Id
    public UUID id;
    @Column("pool_id")
    public String poolId;
    @Column("client_id")
    public String clientId;
    @Column("use_cognito_provided_values")
    public boolean useCognitoProvidedValues;
    public String settings;
    @Column("assets")
    String assetsJson;
    @Column("created_at")
    public Instant createdAt;
    @Column("updated_at")
    public Instant updatedAt;

    public ManagedLoginBranding branding() {
        List<ManagedLoginBranding.Asset> assets = new ArrayList<>();
        StoredJson.tree(assetsJson).forEach(asset -> assets.add(new ManagedLoginBranding.Asset(
                asset.path("Category").asText(), asset.path("ColorMode").asText(), asset.path("Extension").asText(),
                Base64.getDecoder().decode(asset.path("Bytes").asText("")), StoredJson.text(asset, "ResourceId"))));
        return new ManagedLoginBranding(id.toString(), poolId, clientId, useCognitoProvidedValues, settings,
                List.copyOf(assets), createdAt, updatedAt);
    }

    public void assets(List<ManagedLoginBranding.Asset> assets) {
        ArrayNode array = StoredJson.MAPPER.createArrayNode();
        for (ManagedLoginBranding.Asset asset : assets) {
            var node = array.addObject().put("Category", asset.category()).put("ColorMode", asset.colorMode())
                    .put("Extension", asset.extension())
                    .put("Bytes", Base64.getEncoder().encodeToString(asset.bytes() == null ? new byte[0]
                            : asset.bytes()));
            if (asset.resourceId() != null) {
                node.put("ResourceId", asset.resourceId());
            }
        }
        assetsJson = StoredJson.write(array);
    }
}

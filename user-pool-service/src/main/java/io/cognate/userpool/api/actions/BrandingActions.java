package io.cognate.userpool.api.actions;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cognate.awsjson.Json;
import io.cognate.userpool.api.ActionGroup;
import io.cognate.userpool.api.ActionRegistry;
import io.cognate.userpool.api.Params;
import io.cognate.userpool.model.ManagedLoginBranding;
import io.cognate.userpool.model.UiCustomization;
import io.cognate.userpool.service.BrandingService;

/**
 * How the hosted pages look (IAM-authorized): the classic UI's Set/GetUICustomization and managed login's
 * Create/Describe/DescribeByClient/Update/DeleteManagedLoginBranding.
 */
@ApplicationScoped
public class BrandingActions implements ActionGroup {
    private static final Pattern BRANDING_ID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$");
    private static final Pattern RESOURCE_ID = Pattern.compile("^[\\w\\- ]+$");
    private static final List<String> CATEGORIES = List.of("FAVICON_ICO", "FAVICON_SVG", "EMAIL_GRAPHIC",
            "SMS_GRAPHIC", "AUTH_APP_GRAPHIC", "PASSWORD_GRAPHIC", "PASSKEY_GRAPHIC", "PAGE_HEADER_LOGO",
            "PAGE_HEADER_BACKGROUND", "PAGE_FOOTER_LOGO", "PAGE_FOOTER_BACKGROUND", "PAGE_BACKGROUND", "FORM_BACKGROUND",
            "FORM_LOGO", "IDP_BUTTON_ICON");
    private static final List<String> COLOR_MODES = List.of("LIGHT", "DARK", "DYNAMIC");
    private static final List<String> EXTENSIONS = List.of("ICO", "JPEG", "PNG", "SVG", "WEBP");

    private final BrandingService branding;

    public BrandingActions(BrandingService branding) {
        this.branding = branding;
    }

    record Ids(String poolId, String id) {
    }

    @Override
    public void register(ActionRegistry registry) {
        registry.iam("SetUICustomization", p -> new BrandingService.CustomizationRequest(p.userPoolId(),
                clientOrAll(p), p.optional("CSS", 0, 131072), p.blob("ImageFile", 131072)),
                branding::setUiCustomization, c -> Json.wrap("UICustomization", customization(c)));
        registry.iam("GetUICustomization", p -> new Ids(p.userPoolId(), clientOrAll(p)),
                ids -> branding.uiCustomization(ids.poolId(), ids.id()),
                c -> Json.wrap("UICustomization", customization(c)));

        registry.iam("CreateManagedLoginBranding", p -> new BrandingService.BrandingRequest(p.userPoolId(),
                p.clientId(), null, p.optionalBoolean("UseCognitoProvidedValues"), p.document("Settings"),
                assets(p)), branding::createBranding, BrandingActions::wrapped);
        registry.iam("UpdateManagedLoginBranding", p -> new BrandingService.BrandingRequest(p.userPoolId(), null,
                p.required("ManagedLoginBrandingId", 1, 36, BRANDING_ID), p.optionalBoolean("UseCognitoProvidedValues"),
                p.document("Settings"), assets(p)), branding::updateBranding, BrandingActions::wrapped);
        registry.iam("DescribeManagedLoginBranding", p -> {
            Ids ids = new Ids(p.userPoolId(), p.required("ManagedLoginBrandingId", 1, 36, BRANDING_ID));
            p.optionalBoolean("ReturnMergedResources");
            return ids;
        }, ids -> branding.describeBranding(ids.poolId(), ids.id()), BrandingActions::wrapped);
        registry.iam("DescribeManagedLoginBrandingByClient", p -> {
            Ids ids = new Ids(p.userPoolId(), p.clientId());
            p.optionalBoolean("ReturnMergedResources");
            return ids;
        }, ids -> branding.brandingOfClient(ids.poolId(), ids.id()), BrandingActions::wrapped);
        registry.iam("DeleteManagedLoginBranding", p -> new Ids(p.userPoolId(),
                p.required("ManagedLoginBrandingId", 1, 36, BRANDING_ID)),
                ids -> branding.deleteBranding(ids.poolId(), ids.id()), Json::empty);
    }

    /** ClientId, or ALL (the pool's default) when it is absent. */
    private static String clientOrAll(Params p) {
        String clientId = p.optional("ClientId", 1, 128, Params.CLIENT_ID);
        return clientId == null ? UiCustomization.ALL : clientId;
    }

    private static List<ManagedLoginBranding.Asset> assets(Params p) {
        return p.objectList("Assets", 40, asset -> new ManagedLoginBranding.Asset(
                asset.requiredEnum("Category", CATEGORIES), asset.requiredEnum("ColorMode", COLOR_MODES),
                asset.requiredEnum("Extension", EXTENSIONS), asset.blob("Bytes", 1_000_000),
                asset.optional("ResourceId", 1, 40, RESOURCE_ID)));
    }

    /** UICustomizationType; the pool's default shows ClientId ALL. */
    private static ObjectNode customization(UiCustomization customization) {
        ObjectNode node = Json.object().put("UserPoolId", customization.poolId())
                .put("ClientId", customization.clientId());
        if (customization.css() != null) {
            node.put("CSS", customization.css());
        }
        if (customization.cssVersion() != null) {
            node.put("CSSVersion", customization.cssVersion());
        }
        if (customization.createdAt() != null) {
            node.put("CreationDate", Json.epochSeconds(customization.createdAt()))
                    .put("LastModifiedDate", Json.epochSeconds(customization.updatedAt()));
        }
        return node;
    }

    private static ObjectNode wrapped(ManagedLoginBranding branding) {
        ObjectNode node = Json.object().put("ManagedLoginBrandingId", branding.id())
                .put("UserPoolId", branding.poolId())
                .put("UseCognitoProvidedValues", branding.useCognitoProvidedValues());
        if (branding.settings() != null) {
            node.set("Settings", Json.parse(branding.settings()));
        }
        var assets = node.putArray("Assets");
        branding.assets().forEach(asset -> {
            ObjectNode item = assets.addObject().put("Category", asset.category()).put("ColorMode", asset.colorMode())
                    .put("Extension", asset.extension()).put("Bytes", asset.bytes());
            if (asset.resourceId() != null) {
                item.put("ResourceId", asset.resourceId());
            }
        });
        node.put("CreationDate", Json.epochSeconds(branding.createdAt()))
                .put("LastModifiedDate", Json.epochSeconds(branding.updatedAt()));
        return Json.wrap("ManagedLoginBranding", node);
    }
}

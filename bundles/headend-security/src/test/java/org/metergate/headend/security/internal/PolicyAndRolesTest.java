package org.metergate.headend.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.metergate.api.headend.RequestMethod;
import org.metergate.headend.security.AuthorisationDecision;
import org.metergate.headend.security.MarketRole;

class PolicyAndRolesTest {

    private final RequestPolicy policy = RequestPolicy.withDefaults(List.of());

    private AuthorisationDecision ask(MarketRole role, String app, RequestMethod m, String resource) {
        return policy.decide(Optional.ofNullable(role), app, m, List.of(resource.split("/")));
    }

    @Test
    void actuatorCommandsAreForTheMeterSiteOperatorAndTheDsoSignedAndAudited() {
        AuthorisationDecision mso = ask(MarketRole.METER_SITE_OPERATOR, "COMMANDS-V1", RequestMethod.EXEC, "actuator/KAM-12345678");
        assertThat(mso.allowed()).isTrue();
        assertThat(mso.signatureRequired()).isTrue();
        assertThat(mso.audited()).isTrue();
        assertThat(ask(MarketRole.DSO, "COMMANDS-V1", RequestMethod.EXEC, "actuator/KAM-12345678").allowed()).isTrue();
        AuthorisationDecision consumer = ask(MarketRole.CONSUMER, "COMMANDS-V1", RequestMethod.EXEC, "actuator/KAM-12345678");
        assertThat(consumer.allowed()).isFalse();
        assertThat(consumer.audited()).isTrue();
        assertThat(consumer.reason()).contains("CONSUMER may not EXEC COMMANDS-V1/actuator/KAM-12345678");
        assertThat(ask(MarketRole.SUPPLIER, "COMMANDS-V1", RequestMethod.EXEC, "actuator/KAM-12345678").allowed()).isFalse();
    }

    @Test
    void everyRoleReadsMetersButOnlyTheOperatorAdoptsAndImportsKeys() {
        for (MarketRole r : MarketRole.values()) {
            assertThat(ask(r, "METERS-V1", RequestMethod.GET, "meters").allowed()).isTrue();
            assertThat(ask(r, "METERS-V1", RequestMethod.GET, "meters/KAM-12345678/readings").allowed()).isTrue();
        }
        assertThat(ask(MarketRole.METER_SITE_OPERATOR, "METERS-V1", RequestMethod.POST, "meters").allowed()).isTrue();
        assertThat(ask(MarketRole.METERING_SERVICE_PROVIDER, "METERS-V1", RequestMethod.POST, "meters").allowed()).isFalse();
        assertThat(ask(MarketRole.DSO, "METERS-V1", RequestMethod.PUT, "keys/KAM-12345678").allowed()).isFalse();
        assertThat(ask(MarketRole.CONSUMER, "METERS-V1", RequestMethod.EXEC, "meters/KAM-12345678/read").allowed()).isFalse();
    }

    @Test
    void noRoleNoRuleNoAccess() {
        assertThat(ask(null, "METERS-V1", RequestMethod.GET, "meters").reason()).isEqualTo("the requester has no market role");
        assertThat(ask(MarketRole.METER_SITE_OPERATOR, "DEPLOY-V2", RequestMethod.EXEC, "download").reason())
                .isEqualTo("no policy rule permits EXEC DEPLOY-V2/download");
        assertThat(ask(MarketRole.METER_SITE_OPERATOR, "METERS-V1", RequestMethod.GET, "meters/a/b/c").allowed()).isFalse();
        assertThat(ask(MarketRole.DSO, "STATISTICS-V1", RequestMethod.GET, "meters/x/y").allowed()).as("** takes the rest").isTrue();
    }

    @Test
    void extraRulesGrantAndBadRulesAreClearErrors() {
        RequestPolicy p = RequestPolicy.withDefaults(List.of("MSO DEPLOY-V2 EXEC ** signed audited"));
        AuthorisationDecision d = p.decide(Optional.of(MarketRole.METER_SITE_OPERATOR), "DEPLOY-V2", RequestMethod.EXEC, List.of("install"));
        assertThat(d.allowed()).isTrue();
        assertThat(d.signatureRequired()).isTrue();
        assertThatThrownBy(() -> new RequestPolicy(List.of("MSO APP GETT x"))).hasMessageContaining("method must be");
        assertThatThrownBy(() -> new RequestPolicy(List.of("BOSS APP GET x"))).hasMessageContaining("unknown market role 'BOSS'");
        assertThatThrownBy(() -> new RequestPolicy(List.of("MSO APP GET x sometimes"))).hasMessageContaining("unknown flag");
    }

    @Test
    void rolesAreMappedFirstMatchFirst() {
        RoleMap map = new RoleMap(List.of("hes-dso-*=DSO", "hes-*=MSO", "alice=CONSUMER", "# comment"));
        assertThat(map.roleOf("hes-dso-1")).contains(MarketRole.DSO);
        assertThat(map.roleOf("hes-cli")).contains(MarketRole.METER_SITE_OPERATOR);
        assertThat(map.roleOf("alice")).contains(MarketRole.CONSUMER);
        assertThat(map.roleOf("alice2")).isEmpty();
        assertThat(map.roleOf("")).isEmpty();
        assertThatThrownBy(() -> new RoleMap(List.of("a*b=MSO"))).hasMessageContaining("may only end in *");
        assertThatThrownBy(() -> new RoleMap(List.of("nobody"))).hasMessageContaining("REQUESTER-PATTERN=ROLE");
    }
}

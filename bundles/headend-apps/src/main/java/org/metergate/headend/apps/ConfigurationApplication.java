package org.metergate.headend.apps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * CONFIGURATION-V1: the components' configurations (OSGi ConfigurationAdmin), typed and checked by
 * their metatype definitions. {@code GET configurations}, {@code GET configurations/{pid}} (values and
 * definition), {@code PUT configurations/{pid}} with body {@code {"properties": {...}}} (factory
 * configurations as {@code factoryPid~name}). Secrets (metatype PASSWORD attributes, names with
 * password/secret/kek) are never shown. The security configuration ({@code org.metergate.headend.security})
 * cannot be changed from the head-end: who may do what is set at the gateway.
 */
@Component(service = HeadEndApplication.class, property = HeadEndApplication.APP_ID + "=" + ConfigurationApplication.APP)
public final class ConfigurationApplication implements HeadEndApplication {

    public static final String APP = "CONFIGURATION-V1";
    static final Set<String> PROTECTED = Set.of("org.metergate.headend.security");
    static final String HIDDEN = "********";

    private final ConfigurationAdmin admin;
    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MetaTypeService metatype;

    @Activate
    public ConfigurationApplication(@Reference ConfigurationAdmin admin, BundleContext context) {
        this.admin = admin;
        this.context = context;
    }

    @Override
    public HeadEndResponse handle(HeadEndRequest r) throws Exception {
        try {
            List<String> res = r.resource();
            if (res.size() == 1 && res.get(0).equals("configurations") && r.method() == RequestMethod.GET) {
                return list();
            }
            if (res.size() == 2 && res.get(0).equals("configurations")) {
                if (r.method() == RequestMethod.GET) {
                    return get(res.get(1));
                }
                if (r.method() == RequestMethod.PUT) {
                    return put(res.get(1), Json.parse(r.body()));
                }
            }
            throw new Json.BadRequest(404, "CONFIGURATION-V1 has no " + r.method() + " " + String.join("/", res));
        } catch (Json.BadRequest e) {
            return e.response();
        }
    }

    private HeadEndResponse list() throws Exception {
        ArrayNode a = Json.object().arrayNode();
        Configuration[] all = admin.listConfigurations(null);
        for (Configuration c : all == null ? new Configuration[0] : all) {
            a.add(describe(c, definition(c)));
        }
        ObjectNode body = Json.object();
        body.set("configurations", a);
        return Json.ok(Map.of("count", a.size()), body);
    }

    private HeadEndResponse get(String pid) throws Exception {
        Configuration c = find(pid);
        if (c == null) {
            throw new Json.BadRequest(404, "no configuration " + pid);
        }
        ObjectClassDefinition ocd = definition(c);
        ObjectNode body = describe(c, ocd);
        if (ocd != null) {
            ObjectNode def = body.putObject("definition");
            def.put("name", ocd.getName());
            def.put("description", ocd.getDescription());
            ArrayNode attrs = def.putArray("attributes");
            for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                ObjectNode n = attrs.addObject();
                n.put("id", ad.getID());
                n.put("name", ad.getName());
                n.put("type", typeName(ad.getType()));
                n.put("cardinality", ad.getCardinality());
                n.put("description", ad.getDescription());
                if (ad.getType() != AttributeDefinition.PASSWORD && ad.getDefaultValue() != null) {
                    ArrayNode d = n.putArray("default");
                    for (String v : ad.getDefaultValue()) {
                        d.add(v);
                    }
                }
            }
        }
        return Json.ok(body);
    }

    private HeadEndResponse put(String pid, JsonNode body) throws Exception {
        if (PROTECTED.contains(pid) || PROTECTED.contains(factoryOf(pid))) {
            throw new Json.BadRequest(403, pid + " is set at the gateway only, never from the head-end");
        }
        JsonNode props = body.path("properties");
        if (!props.isObject()) {
            throw new Json.BadRequest("PUT configurations/{pid} needs a body {\"properties\": {...}}");
        }
        Configuration c = find(pid);
        if (c == null) {
            int tilde = pid.indexOf('~');
            c = tilde > 0 ? admin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?")
                    : admin.getConfiguration(pid, "?");
        }
        ObjectClassDefinition ocd = definition(c);
        Dictionary<String, Object> current = c.getProperties();
        Hashtable<String, Object> next = new Hashtable<>();
        if (current != null) {
            for (Enumeration<String> e = current.keys(); e.hasMoreElements(); ) {
                String k = e.nextElement();
                next.put(k, current.get(k));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        List<String> changed = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals(Constants.SERVICE_PID) || key.equals("service.factoryPid")) {
                continue;
            }
            AttributeDefinition ad = ocd == null ? null : attribute(ocd, key);
            Object value = ad == null ? plain(key, e.getValue()) : typed(ad, e.getValue());
            if (value == null) {
                next.remove(key);
            } else {
                next.put(key, value);
            }
            changed.add(key);
        }
        c.update(next);
        return Json.ok(Map.of("pid", c.getPid(), "changed", String.join(",", changed)), Json.object());
    }

    private static String factoryOf(String pid) {
        int tilde = pid.indexOf('~');
        return tilde > 0 ? pid.substring(0, tilde) : pid;
    }

    private Configuration find(String pid) throws Exception {
        Configuration[] cs = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        return cs == null || cs.length == 0 ? null : cs[0];
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }

    private ObjectNode describe(Configuration c, ObjectClassDefinition ocd) {
        ObjectNode n = Json.object();
        n.put("pid", c.getPid());
        n.put("factoryPid", c.getFactoryPid());
        ObjectNode p = n.putObject("properties");
        Dictionary<String, Object> props = c.getProperties();
        if (props != null) {
            for (Enumeration<String> e = props.keys(); e.hasMoreElements(); ) {
                String k = e.nextElement();
                AttributeDefinition ad = ocd == null ? null : attribute(ocd, k);
                if (secret(k) || (ad != null && ad.getType() == AttributeDefinition.PASSWORD)) {
                    p.put(k, HIDDEN);
                } else {
                    p.set(k, Json.MAPPER.valueToTree(jsonable(props.get(k))));
                }
            }
        }
        return n;
    }

    private static Object jsonable(Object v) {
        if (v != null && v.getClass().isArray()) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                l.add(Array.get(v, i));
            }
            return l;
        }
        return v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof java.util.Collection ? v : String.valueOf(v);
    }

    static boolean secret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("kek");
    }

    private ObjectClassDefinition definition(Configuration c) {
        MetaTypeService mts = metatype;
        if (mts == null) {
            return null;
        }
        String id = c.getFactoryPid() != null ? c.getFactoryPid() : c.getPid();
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = mts.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            try {
                if (List.of(info.getPids()).contains(id) || List.of(info.getFactoryPids()).contains(id)) {
                    return info.getObjectClassDefinition(id, null);
                }
            } catch (IllegalArgumentException e) {
                // not this bundle's
            }
        }
        return null;
    }

    private static AttributeDefinition attribute(ObjectClassDefinition ocd, String id) {
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
            if (ad.getID().equals(id)) {
                return ad;
            }
        }
        return null;
    }

    /** A value converted to the attribute's metatype type and checked with its validate(). */
    static Object typed(AttributeDefinition ad, JsonNode v) throws Json.BadRequest {
        if (v.isNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> texts.add(x.asText()));
        } else {
            texts.add(v.asText());
        }
        for (String t : texts) {
            String problem = ad.validate(t);
            if (problem != null && !problem.isEmpty()) {
                throw new Json.BadRequest("property " + ad.getID() + ": " + problem);
            }
        }
        List<Object> values = new ArrayList<>();
        for (String t : texts) {
            values.add(convert(ad, t));
        }
        if (ad.getCardinality() == 0) {
            if (values.size() != 1) {
                throw new Json.BadRequest("property " + ad.getID() + " takes one value");
            }
            return values.get(0);
        }
        Object arr = Array.newInstance(values.get(0).getClass(), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(arr, i, values.get(i));
        }
        return ad.getCardinality() > 0 ? arr : values;
    }

    private static Object convert(AttributeDefinition ad, String t) throws Json.BadRequest {
        try {
            return switch (ad.getType()) {
                case AttributeDefinition.LONG -> Long.valueOf(t.trim());
                case AttributeDefinition.INTEGER -> Integer.valueOf(t.trim());
                case AttributeDefinition.SHORT -> Short.valueOf(t.trim());
                case AttributeDefinition.BYTE -> Byte.valueOf(t.trim());
                case AttributeDefinition.DOUBLE -> Double.valueOf(t.trim());
                case AttributeDefinition.FLOAT -> Float.valueOf(t.trim());
                case AttributeDefinition.BOOLEAN -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new NumberFormatException("not a boolean");
                    }
                    yield Boolean.valueOf(t);
                }
                case AttributeDefinition.CHARACTER -> {
                    if (t.length() != 1) {
                        throw new NumberFormatException("not one character");
                    }
                    yield t.charAt(0);
                }
                default -> t;
            };
        } catch (NumberFormatException e) {
            throw new Json.BadRequest("property " + ad.getID() + " must be a " + typeName(ad.getType()) + ": " + t);
        }
    }

    private static Object plain(String key, JsonNode v) throws Json.BadRequest {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<String> l = new ArrayList<>();
            v.forEach(x -> l.add(x.asText()));
            return l.toArray(String[]::new);
        }
        throw new Json.BadRequest("property " + key + " must be a string, number, boolean or array");
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.STRING -> "String";
            case AttributeDefinition.LONG -> "Long";
            case AttributeDefinition.INTEGER -> "Integer";
            case AttributeDefinition.SHORT -> "Short";
            case AttributeDefinition.CHARACTER -> "Char";
            case AttributeDefinition.BYTE -> "Byte";
            case AttributeDefinition.DOUBLE -> "Double";
            case AttributeDefinition.FLOAT -> "Float";
            case AttributeDefinition.BOOLEAN -> "Boolean";
            case AttributeDefinition.PASSWORD -> "Password";
            default -> "Type" + type;
        };
    }
}

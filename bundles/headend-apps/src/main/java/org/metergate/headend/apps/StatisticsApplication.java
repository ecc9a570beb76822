package org.metergate.headend.apps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.headend.HeadEndLink;
import org.metergate.api.headend.HeadEndRequest;
import org.metergate.api.headend.HeadEndResponse;
import org.metergate.api.headend.RequestMethod;
import org.metergate.api.journal.Journal;
import org.metergate.api.journal.JournalStatus;
import org.metergate.api.meter.Meter;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.api.stats.CommunicationStatistics;
import org.metergate.api.stats.LinkStatistics;
import org.metergate.api.stats.MeterStatistics;
import org.metergate.api.stats.PipelineStatistics;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * STATISTICS-V1: TR 50572 communication statistics. {@code GET pipeline}, {@code GET links},
 * {@code GET meters}, {@code GET meters/{id}}, {@code GET journal}, {@code GET headend}.
 */
@Component(service = HeadEndApplication.class, property = HeadEndApplication.APP_ID + "=" + StatisticsApplication.APP)
public final class StatisticsApplication implements HeadEndApplication {

    public static final String APP = "STATISTICS-V1";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CommunicationStatistics statistics;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Journal journal;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile MeterRegistry registry;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    final List<HeadEndLink> links = new CopyOnWriteArrayList<>();

    @Override
    public HeadEndResponse handle(HeadEndRequest r) throws Exception {
        try {
            if (r.method() != RequestMethod.GET || r.resource().isEmpty()) {
                throw new Json.BadRequest(404, "STATISTICS-V1 answers GET pipeline, links, meters, meters/{id}, journal, headend");
            }
            List<String> res = r.resource();
            ObjectNode body = Json.object();
            switch (res.get(0)) {
                case "pipeline" -> {
                    PipelineStatistics p = need(statistics).pipeline();
                    body.set("pipeline", Json.MAPPER.valueToTree(p));
                }
                case "links" -> {
                    ArrayNode a = body.putArray("links");
                    for (LinkStatistics l : need(statistics).links()) {
                        ObjectNode n = a.addObject();
                        n.put("link", l.link());
                        n.put("lastSeen", l.lastSeen().map(Object::toString).orElse(null));
                        n.put("receptions", l.receptions());
                        n.put("duplicates", l.duplicates());
                        n.put("rssiAverage", l.rssi().average());
                        ObjectNode e = n.putObject("errors");
                        l.errors().forEach((k, v) -> e.put(k.name(), v));
                    }
                }
                case "meters" -> {
                    ArrayNode a = body.putArray("meters");
                    if (res.size() == 2) {
                        MeterRegistry reg = registry;
                        if (reg == null) {
                            throw new Json.BadRequest(503, "the meter registry is not deployed");
                        }
                        Meter m = Meters.installed(reg, res.get(1));
                        need(statistics).meter(m.address()).ifPresent(s -> a.add(meter(s)));
                    } else {
                        for (MeterStatistics s : need(statistics).meters()) {
                            a.add(meter(s));
                        }
                    }
                }
                case "journal" -> {
                    Journal j = journal;
                    if (j == null) {
                        throw new Json.BadRequest(503, "the journal is not deployed");
                    }
                    JournalStatus s = j.status();
                    body.set("journal", Json.MAPPER.valueToTree(s));
                }
                case "headend" -> {
                    ArrayNode a = body.putArray("links");
                    for (HeadEndLink l : links) {
                        ObjectNode n = a.addObject();
                        n.put("id", l.id());
                        n.put("connected", l.connected());
                        n.put("connectedSince", l.connectedSince().map(Object::toString).orElse(null));
                    }
                }
                default -> throw new Json.BadRequest(404, "STATISTICS-V1 has no " + String.join("/", res));
            }
            return Json.ok(body);
        } catch (Json.BadRequest e) {
            return e.response();
        }
    }

    private static CommunicationStatistics need(CommunicationStatistics s) throws Json.BadRequest {
        if (s == null) {
            throw new Json.BadRequest(503, "communication statistics are not deployed");
        }
        return s;
    }

    private static ObjectNode meter(MeterStatistics s) {
        ObjectNode n = Json.object();
        n.put("meter", s.meter().meterId().toString());
        n.put("firstSeen", String.valueOf(s.firstSeen()));
        n.put("lastSeen", String.valueOf(s.lastSeen()));
        n.put("telegrams", s.telegrams());
        n.put("receptions", s.receptions());
        n.put("rssiAverage", s.rssi().average());
        ObjectNode e = n.putObject("errors");
        s.errors().forEach((k, v) -> e.put(k.name(), v));
        return n;
    }
}

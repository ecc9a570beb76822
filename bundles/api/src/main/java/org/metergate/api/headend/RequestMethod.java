package org.metergate.api.headend;

/** The request verbs of the head-end protocol (Kura/Kapua request topics). */
public enum RequestMethod { GET, PUT, POST, DEL, EXEC }

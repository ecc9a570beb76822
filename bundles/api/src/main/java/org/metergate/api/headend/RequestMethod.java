package org.metergate.api.headend;

/** The request verbs of the G interface's head-end protocol (TR 50572 G; Kura/Kapua request topics). */
public enum RequestMethod { GET, PUT, POST, DEL, EXEC }

package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.List;

/** A graphical console: {@code <graphics>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"listens", "channels", "image", "jpeg", "zlib", "playback", "streaming", "clipboard", "mouse", "filetransfer", "gl"})
public class Graphics {
    @XmlAttribute(name = "type")
    @XmlJavaTypeAdapter(GraphicsType.Adapter.class)
    private GraphicsType type;

    @XmlAttribute(name = "port")
    private Integer port;

    @XmlAttribute(name = "tlsPort")
    private Integer tlsPort;

    @XmlAttribute(name = "autoport")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean autoport;

    @XmlAttribute(name = "listen")
    private String listen;

    @XmlAttribute(name = "socket")
    private String socket;

    @XmlAttribute(name = "keymap")
    private String keymap;

    @XmlAttribute(name = "passwd")
    private String passwd;

    @XmlAttribute(name = "passwdValidTo")
    private String passwdValidTo;

    @XmlAttribute(name = "connected")
    private String connected;

    @XmlAttribute(name = "defaultMode")
    @XmlJavaTypeAdapter(SpiceChannelMode.Adapter.class)
    private SpiceChannelMode defaultMode;

    @XmlAttribute(name = "display")
    private String display;

    @XmlAttribute(name = "xauth")
    private String xauth;

    @XmlAttribute(name = "fullscreen")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean fullscreen;

    @XmlAttribute(name = "replaceUser")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean replaceUser;

    @XmlAttribute(name = "multiUser")
    @XmlJavaTypeAdapter(YesNoAdapter.class)
    private Boolean multiUser;

    @XmlElement(name = "listen")
    private final List<GraphicsListen> listens = new ArrayList<>();

    @XmlElement(name = "channel")
    private final List<SpiceChannel> channels = new ArrayList<>();

    @XmlElement(name = "image")
    private SpiceCompression image;

    @XmlElement(name = "jpeg")
    private SpiceCompression jpeg;

    @XmlElement(name = "zlib")
    private SpiceCompression zlib;

    @XmlElement(name = "playback")
    private SpiceCompression playback;

    @XmlElement(name = "streaming")
    private SpiceStreaming streaming;

    @XmlElement(name = "clipboard")
    private SpiceClipboard clipboard;

    @XmlElement(name = "mouse")
    private SpiceMouse mouse;

    @XmlAttribute(name = "sharePolicy")
    private String sharePolicy;

    @XmlAttribute(name = "websocket")
    private Integer websocket;

    @XmlElement(name = "filetransfer")
    private SpiceFileTransfer filetransfer;

    @XmlElement(name = "gl")
    private GraphicsGl gl;

    /** {@code @type}, or {@code null} when absent. */
    public GraphicsType getType() {
        return type;
    }

    public void setType(GraphicsType type) {
        this.type = type;
    }

    /** {@code @port}, or {@code null} when absent. */
    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    /** {@code @tlsPort}, or {@code null} when absent. */
    public Integer getTlsPort() {
        return tlsPort;
    }

    public void setTlsPort(Integer tlsPort) {
        this.tlsPort = tlsPort;
    }

    /** {@code @autoport}, or {@code null} when absent. */
    public Boolean getAutoport() {
        return autoport;
    }

    public void setAutoport(Boolean autoport) {
        this.autoport = autoport;
    }

    /** {@code @listen}, or {@code null} when absent. */
    public String getListen() {
        return listen;
    }

    public void setListen(String listen) {
        this.listen = listen;
    }

    /** {@code @socket}, or {@code null} when absent. */
    public String getSocket() {
        return socket;
    }

    public void setSocket(String socket) {
        this.socket = socket;
    }

    /** {@code @keymap}, or {@code null} when absent. */
    public String getKeymap() {
        return keymap;
    }

    public void setKeymap(String keymap) {
        this.keymap = keymap;
    }

    /** {@code @passwd}, or {@code null} when absent. */
    public String getPasswd() {
        return passwd;
    }

    public void setPasswd(String passwd) {
        this.passwd = passwd;
    }

    /** {@code @passwdValidTo}, or {@code null} when absent. */
    public String getPasswdValidTo() {
        return passwdValidTo;
    }

    public void setPasswdValidTo(String passwdValidTo) {
        this.passwdValidTo = passwdValidTo;
    }

    /** {@code @connected}, or {@code null} when absent. */
    public String getConnected() {
        return connected;
    }

    public void setConnected(String connected) {
        this.connected = connected;
    }

    /** {@code @defaultMode}, or {@code null} when absent. */
    public SpiceChannelMode getDefaultMode() {
        return defaultMode;
    }

    public void setDefaultMode(SpiceChannelMode defaultMode) {
        this.defaultMode = defaultMode;
    }

    /** {@code @display}, or {@code null} when absent. */
    public String getDisplay() {
        return display;
    }

    public void setDisplay(String display) {
        this.display = display;
    }

    /** {@code @xauth}, or {@code null} when absent. */
    public String getXauth() {
        return xauth;
    }

    public void setXauth(String xauth) {
        this.xauth = xauth;
    }

    /** {@code @fullscreen}, or {@code null} when absent. */
    public Boolean getFullscreen() {
        return fullscreen;
    }

    public void setFullscreen(Boolean fullscreen) {
        this.fullscreen = fullscreen;
    }

    /** {@code @replaceUser}, or {@code null} when absent. */
    public Boolean getReplaceUser() {
        return replaceUser;
    }

    public void setReplaceUser(Boolean replaceUser) {
        this.replaceUser = replaceUser;
    }

    /** {@code @multiUser}, or {@code null} when absent. */
    public Boolean getMultiUser() {
        return multiUser;
    }

    public void setMultiUser(Boolean multiUser) {
        this.multiUser = multiUser;
    }

    /** The {@code <listen>} children, in document order; the list is live. */
    public List<GraphicsListen> getListens() {
        return listens;
    }

    /** The {@code <channel>} children, in document order; the list is live. */
    public List<SpiceChannel> getChannels() {
        return channels;
    }

    /** {@code <image>}, or {@code null} when absent. */
    public SpiceCompression getImage() {
        return image;
    }

    public void setImage(SpiceCompression image) {
        this.image = image;
    }

    /** {@code <jpeg>}, or {@code null} when absent. */
    public SpiceCompression getJpeg() {
        return jpeg;
    }

    public void setJpeg(SpiceCompression jpeg) {
        this.jpeg = jpeg;
    }

    /** {@code <zlib>}, or {@code null} when absent. */
    public SpiceCompression getZlib() {
        return zlib;
    }

    public void setZlib(SpiceCompression zlib) {
        this.zlib = zlib;
    }

    /** {@code <playback>}, or {@code null} when absent. */
    public SpiceCompression getPlayback() {
        return playback;
    }

    public void setPlayback(SpiceCompression playback) {
        this.playback = playback;
    }

    /** {@code <streaming>}, or {@code null} when absent. */
    public SpiceStreaming getStreaming() {
        return streaming;
    }

    public void setStreaming(SpiceStreaming streaming) {
        this.streaming = streaming;
    }

    /** {@code <clipboard>}, or {@code null} when absent. */
    public SpiceClipboard getClipboard() {
        return clipboard;
    }

    public void setClipboard(SpiceClipboard clipboard) {
        this.clipboard = clipboard;
    }

    /** {@code <mouse>}, or {@code null} when absent. */
    public SpiceMouse getMouse() {
        return mouse;
    }

    public void setMouse(SpiceMouse mouse) {
        this.mouse = mouse;
    }

    /** {@code @sharePolicy}, or {@code null} when absent. */
    public String getSharePolicy() {
        return sharePolicy;
    }

    public void setSharePolicy(String sharePolicy) {
        this.sharePolicy = sharePolicy;
    }

    /** {@code @websocket}: VNC WebSocket port, -1 for automatic, or {@code null} when absent. */
    public Integer getWebsocket() {
        return websocket;
    }

    public void setWebsocket(Integer websocket) {
        this.websocket = websocket;
    }

    /** {@code <filetransfer>} (SPICE), or {@code null} when absent. */
    public SpiceFileTransfer getFiletransfer() {
        return filetransfer;
    }

    public void setFiletransfer(SpiceFileTransfer filetransfer) {
        this.filetransfer = filetransfer;
    }

    /** {@code <gl>}, or {@code null} when absent. */
    public GraphicsGl getGl() {
        return gl;
    }

    public void setGl(GraphicsGl gl) {
        this.gl = gl;
    }
}

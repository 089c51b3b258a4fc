package org.deliveryprogress.notifications;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's mail server: an SMTP server inside the application (GreenMail) that keeps what it receives, shown at
 * {@code /mail}, so that the default run shows its mail with no mail server installed. Nothing outside connects to
 * it, so by default it listens on any free port (delivery-progress.demo-mail.port names one).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${delivery-progress.demo-mail.port}") int port) throws IOException {
        // A free port is chosen once, so that the server comes back on the same port when restarted.
        return new GreenMail(new ServerSetup(port == 0 ? freePort() : port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        return sender;
    }
}

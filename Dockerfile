# One image recipe for all six Cohort apps; ARG APP picks which one the container runs:
#   docker build --build-arg APP=gateway -t cohort/gateway:local .
# APP is one of: gateway, orchestrator, identity, membership, learning, communications.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: every dependency (dev included), needed to compile ---------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- build: compile apps/ and libs/ with swc into dist/ ---------------------------------
FROM deps AS build
COPY apps ./apps
COPY libs ./libs
COPY tsconfig.json .swcrc nest-cli.json ./
RUN npm run build
# the admin console (React + Vite) into dist/console, served by the gateway at /
RUN npm run build:console
# APP is declared after the compile so all six images share the cached build layer.
ARG APP
RUN test -n "${APP}" || { echo "build arg APP is required (gateway, orchestrator, identity, membership, learning, communications)" >&2; exit 1; }
RUN test -f "dist/apps/${APP}/src/main.js" || { echo "no entry point dist/apps/${APP}/src/main.js" >&2; exit 1; }

# --- runtime: production dependencies + compiled output, non-root -----------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build --chown=node:node /app/dist ./dist
ARG APP
ENV NODE_ENV=production APP=${APP} PORT=3000
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Shell form so ${APP} is expanded at start-up; exec so node is PID 1 and gets SIGTERM.
CMD exec node dist/apps/${APP}/src/main.js
